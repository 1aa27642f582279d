using System.Text.RegularExpressions;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Interop;

/// <summary>tools/zhijiang.py, the command-line client README's examples use, against a running silo.</summary>
public sealed class CommandLineClientTests : IAsyncLifetime
{
    private RunningSilo _silo = null!;

    public async Task InitializeAsync()
    {
        _silo = await RunningSilo.StartAsync();
        await Grpc.GrpcFixtures.SeedRosterAsync(_silo.Cluster);
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Theory]
    [InlineData("teaching_session")]
    [InlineData("teaching")] // the rule id, as SPEC §4 and the ledger name it
    public async Task Publish_TakesAnEventKind_OrTheRuleIdItScores(string kind)
    {
        var run = await ZhijiangPyAsync("publish", "--teacher", "T1", "--kind", kind, "--at", RunningSilo.Now.ToString("O"));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("\"accepted\": 1", run.Output);
    }

    [Fact]
    public async Task AnUnknownKind_IsRefusedWithTheKindsThereAre()
    {
        var run = await ZhijiangPyAsync("publish", "--teacher", "T1", "--kind", "teachin");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'teachin' is not an event kind; the kinds are login, profile_updated,", run.Output);
        Assert.Contains("rule ids work too: profile, mobile_op, resource_review, teaching, app", run.Output);
    }

    [Fact]
    public async Task Explain_PrintsTheDaysLedgerRuleByRule_AsTheSiloHasIt()
    {
        using var platform = _silo.PlatformClient();
        var reply = await platform.PublishAsync(Batch(Login("x1"), Teaching("x2", "s1"), Teaching("x3", "s2"), Teaching("x4", "s3")));
        Assert.Equal(4, reply.Accepted);
        await _silo.Cluster.FlushAsync();

        var run = await ZhijiangPyAsync("--token", TestCredentials.ProvinceToken, "explain", "T1");

        Assert.True(run.ExitCode == 0, run.Output);
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal("T1 on 2026-03-02: 4 events scored, 11 points.", lines[0]);
        // The rules' rows, split on runs of spaces: rule, events, points, cap, capped.
        var rows = lines.SkipWhile(l => !l.StartsWith("rule ", StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.StartsWith("total", StringComparison.Ordinal))
            .Select(l => Regex.Split(l, " {2,}")).ToDictionary(r => r[0]);
        Assert.Equal(["login|1|1|-|0", "teaching|3|10|10 a day|1"], rows.Values.Select(r => string.Join('|', r)));
        // The silo's own figures: the day's points by rule and the ledger's entries.
        var scores = (await _silo.Cluster.GetTeacherAsync("T1"))!.Scores.Day;
        var ledger = (await _silo.Cluster.ExplainTeacherAsync("T1"))!;
        foreach (var (rule, row) in rows)
        {
            Assert.Equal(scores.ByRule[rule].ToString(), row[2]);
            Assert.Equal(ledger.Entries.Count(e => e.Rule == rule).ToString(), row[1]);
        }
        Assert.Contains(lines, l => Regex.IsMatch(l, "^x4 +teaching +0 +daily cap 10 reached$"));
        Assert.Equal(11, scores.Points);
    }

    [Fact]
    public async Task Explain_OfADayPastTheKeptWindow_SaysSoRatherThanLookingQuiet()
    {
        var run = await ZhijiangPyAsync("--token", TestCredentials.ProvinceToken, "explain", "T1", "--date", "2025-12-01");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("T1 on 2025-12-01: that day's ledger is no longer kept (only recent days are); " +
            "its scores are still there: zhijiang.py teacher T1 --date 2025-12-01", run.Output.Trim());
    }

    [Fact]
    public async Task Explain_WithJson_PrintsTheReplyAsTheOtherCommandsDo()
    {
        using var platform = _silo.PlatformClient();
        await platform.PublishAsync(Batch(Login("j1")));
        await _silo.Cluster.FlushAsync();

        var run = await ZhijiangPyAsync("--token", TestCredentials.ProvinceToken, "explain", "T1", "--json");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("\"event_id\": \"j1\"", run.Output);
        Assert.Contains("\"kept\": true", run.Output);
    }

    private Task<ClientScript> ZhijiangPyAsync(params string[] command) => ZhijiangPy.RunAsync(_silo, command);
}
