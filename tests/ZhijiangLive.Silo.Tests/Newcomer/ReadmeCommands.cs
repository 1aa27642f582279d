using System.Text.RegularExpressions;

namespace ZhijiangLive.Silo.Tests.Newcomer;

/// <summary>One shell command of README, joined across its continuation lines, without its trailing comment.</summary>
public sealed record ReadmeCommand(int Line, string Text);

/// <summary>
/// README's shell commands: those in its plain ``` blocks whose first line is a command (a tree or a sample
/// of output is not), or the <c>$ </c> lines of a block that shows a session. Each is to be run, or excused.
/// </summary>
public sealed partial class ReadmeCommands
{
    private static readonly string[] CommandWords = ["curl", "export", "dotnet", "bash", "/usr/bin/python3", "silo=", "Logging__", "http://"];

    /// <summary>Commands that cannot run against a test silo, and why; each is run elsewhere or needs what a test has not.</summary>
    public static readonly (Regex Command, string Reason)[] Excuses =
    [
        (new(@"^bash tools/setup$"), "installs packages as root; FreshCloneTests runs it on a fresh clone"),
        (new(@"-- --demo$"), "starts a silo of its own (DemoTests start it)"),
        (new(@"FormatterName=json"), "starts a silo of its own (logging settings are SiloConfigurationTests')"),
        (new(@" rebuild --rule-pack pack\.json"), "needs a rule pack file of the reader's and a stopped silo (RebuildCommandTests)"),
        (new(@"^export ZHIJIANG_KEY=zlk_…"), "a placeholder; the export from first-run-credentials.txt is run"),
        (new(@"--api-key <platform key>"), "the full province for 3 minutes, with placeholders: a load run, not a test"),
        (new(@"LoadTests -- bench "), "a benchmark of the Release build (-c Release), which the test run, a Debug build, does not make"),
        (new(@"^http://localhost:5080/orleans/"), "a URL to open in a browser (OrleansDashboardTests open it)"),
        (new(@"--Zhijiang:Cluster:ConnectionString="), "silos of a cluster on the reader's PostgreSQL server (TwoSiloClusterTests and ClusterCrashTests start two on a throwaway one)"),
    ];

    public List<ReadmeCommand> Run { get; } = [];
    public List<ReadmeCommand> Excused { get; } = [];
    public List<ReadmeCommand> Unknown { get; } = [];

    public static ReadmeCommands Parse(string readme)
    {
        var commands = new ReadmeCommands();
        var lines = readme.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }
            var plain = lines[i].TrimEnd() == "```";
            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].TrimEnd() != "```")
            {
                end++;
            }
            if (plain)
            {
                commands.AddBlock(lines, start, end);
            }
            i = end;
        }
        return commands;
    }

    private void AddBlock(string[] lines, int start, int end)
    {
        var block = Logical(lines, start, end);
        var session = block.Any(c => c.Text.StartsWith("$ ", StringComparison.Ordinal));
        var shown = session
            ? block.Where(c => c.Text.StartsWith("$ ", StringComparison.Ordinal)).Select(c => c with { Text = c.Text[2..] }).ToList()
            : block;
        shown = shown.Select(c => c with { Text = WithoutComment(c.Text) }).Where(c => c.Text.Length > 0).ToList();
        if (shown.Count == 0 || !CommandWords.Any(w => shown[0].Text.StartsWith(w, StringComparison.Ordinal)))
        {
            return;
        }
        foreach (var command in shown)
        {
            if (Excuses.Any(e => e.Command.IsMatch(command.Text)))
            {
                Excused.Add(command);
            }
            else if (CommandWords.Any(w => command.Text.StartsWith(w, StringComparison.Ordinal)))
            {
                Run.Add(command);
            }
            else
            {
                Unknown.Add(command);
            }
        }
    }

    /// <summary>The block's lines, a line ending in a backslash joined with the next; line numbers count from 1.</summary>
    private static List<ReadmeCommand> Logical(string[] lines, int start, int end)
    {
        var joined = new List<ReadmeCommand>();
        for (var i = start; i < end; i++)
        {
            var first = i;
            var text = lines[i].TrimEnd();
            while (text.EndsWith('\\') && i + 1 < end)
            {
                text = text[..^1].TrimEnd() + " " + lines[++i].Trim();
            }
            joined.Add(new ReadmeCommand(first + 1, text.Trim()));
        }
        return joined;
    }

    private static string WithoutComment(string text) => TrailingComment().Replace(text, "").Trim();

    // A shell comment starts at a # after a space; a # inside a word (a URL's fragment) is not one.
    [GeneratedRegex(@"(^|\s+)#(\s.*)?$")]
    private static partial Regex TrailingComment();
}
