using System.CommandLine;
using System.CommandLine.Invocation;

namespace ZhijiangLive.Silo.Commands;

/// <summary>
/// How this repository's programs run a System.CommandLine command: a bad command line prints its reasons
/// and the command's help on the error writer and exits with 2, not System.CommandLine's 1.
/// </summary>
public static class CommandLineRun
{
    public const int UsageError = 2;

    /// <summary>Without response files: a setting's value may start with '@'.</summary>
    public static ParseResult Parse(Command command, IReadOnlyList<string> args) =>
        command.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

    public static async Task<int> InvokeAsync(ParseResult parsed, TextWriter output, TextWriter error)
    {
        if (parsed.Action is ParseErrorAction)
        {
            await parsed.InvokeAsync(new InvocationConfiguration { Output = error, Error = error });
            return UsageError;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // A failure crashes as it did before System.CommandLine, with its stack trace and the runtime's exit code.
            EnableDefaultExceptionHandler = false,
            // The silo's host stops gracefully on SIGTERM and Ctrl-C by itself (Zhijiang:ShutdownTimeout); nothing may cut that short.
            ProcessTerminationTimeout = null,
        });
    }
}
