using System.CommandLine;
using System.CommandLine.Invocation;

namespace ZhijiangLive.LoadTests.Options;

/// <summary>What the tool was asked to do.</summary>
public enum LoadCommand { Run, Bench, Help }

/// <summary>
/// The command line on System.CommandLine: a load run with no verb, or <c>bench</c>, each with its typed
/// options (<c>--name value</c> or <c>--name=value</c>) and a generated <c>--help</c>.
/// </summary>
public static class CommandLine
{
    public const int UsageError = 2;

    private const string Description = """
        ZhijiangLive load tester: a generated Zhejiang and its school-day traffic against a running silo, then
        report.md and charts. Exit codes: 0 ok; 1 bad input accepted, events wrongly refused, totals that do not
        reconcile with the server's counters, or a failed run; 2 a bad command line.
        """;

    /// <summary>The command and its options, or a <see cref="UsageException"/> with System.CommandLine's reasons.</summary>
    public static (LoadCommand Command, LoadOptions Options) Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptionSet();
        var parsed = Create(options).Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            throw new UsageException(string.Join("; ", parsed.Errors.Select(e => e.Message)));
        }
        return Read(parsed, options);
    }

    internal static RootCommand Create(LoadOptionSet options)
    {
        var bench = new System.CommandLine.Command("bench", "this tool's client against h2load on the same endpoint: one pre-encoded unary Publish, one connection");
        options.AddBenchOptions(bench);
        var root = new RootCommand(Description) { bench };
        options.AddRunOptions(root);
        // The commands run in Program, with its writers and cancellation; these only make each a command of its own.
        root.SetAction(_ => 0);
        bench.SetAction(_ => 0);
        return root;
    }

    /// <summary>What a parse without errors asks for: help (or the version) is an option's action in place of the command's.</summary>
    internal static (LoadCommand Command, LoadOptions Options) Read(ParseResult parsed, LoadOptionSet options) =>
        parsed.Action != parsed.CommandResult.Command.Action ? (LoadCommand.Help, new LoadOptions())
        : (parsed.CommandResult.Command is RootCommand ? LoadCommand.Run : LoadCommand.Bench, options.Read(parsed));
}
