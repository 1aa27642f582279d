using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Silo.Commands;

namespace ZhijiangLive.Silo.Tests.Durability;

/// <summary>The rebuild command recomputes scores from the journal with another rule pack, reports the change, and applies it on request.</summary>
public sealed class RebuildCommandTests : IDisposable
{
    private const string Date = "2026-03-02";
    private readonly string _directory = Directory.CreateTempSubdirectory("zhijiang-rebuild-").FullName;

    private string Database => Path.Combine(_directory, "journal.db");
    private string[] Store => StoreSettings.Sqlite(Database);

    [Fact]
    public async Task Rebuild_WithAnotherRulePack_ReportsTheChange_WritesNothingUntilApplied_ThenTheSiloServesIt()
    {
        var pack = Path.Combine(_directory, "mobile-3.json");
        await File.WriteAllTextAsync(pack, """{ "rules": { "mobileOp": { "points": 3, "dailyCap": 6 } } }""");
        await using (var silo = await RunningSilo.StartAsync([.. Store]))
        {
            using var client = silo.PlatformClient();
            await client.UpsertRosterAsync(CrashRoster.Batch());
            var reply = await client.PublishAsync(new PublishRequest { Events = { MobileOperation("m1"), MobileOperation("m2") } });
            Assert.Equal(2, reply.Accepted);
        }

        var (code, output) = await RebuildAsync("--rule-pack", pack, "--date", Date);
        Assert.Equal(0, code);
        Assert.Contains("Rebuilt 2 events and 1 roster changes up to position 3", output);
        Assert.Contains("Year points: before 2, after 6 (+4)", output);
        Assert.Contains("T1 老师1: 2 -> 6 (+4)", output);
        Assert.Contains("Evaluation sheets: no rubric has candidates", output);
        Assert.Contains("Nothing was written", output);
        Assert.Equal(2, await YearScoreAsync($"--Zhijiang:RulePackFile={pack}"));

        (code, output) = await RebuildAsync("--rule-pack", pack, "--date", Date, "--apply");
        Assert.Equal(0, code);
        Assert.Contains($"Wrote {CrashRoster.Teachers} teacher snapshots and the roster at position 3", output);
        Assert.Equal(6, await YearScoreAsync($"--Zhijiang:RulePackFile={pack}"));
    }

    [Fact]
    public async Task Rebuild_OfTheMemoryStore_IsRefusedWithAReason()
    {
        var (code, _, error) = await RunAsync(["rebuild", .. Store, "--Zhijiang:Store:Provider=memory"]);
        Assert.Equal(2, code);
        Assert.Contains("the memory store keeps no journal", error);
    }

    [Theory]
    [InlineData("does not exist", "--rule-pack", "none.json")]
    [InlineData("--date '29.11.2026' is not YYYY-MM-DD", "--date", "29.11.2026")]
    [InlineData("Required argument missing for option: '--date'", "--date")]
    public async Task Rebuild_WithABadOption_IsAUsageError(string reason, params string[] args)
    {
        var (code, output, error) = await RunAsync(["rebuild", .. Store, .. args.Select(a => a.EndsWith(".json") ? Path.Combine(_directory, a) : a)]);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(reason, error);
        Assert.Contains("Usage:", error);
    }

    [Fact]
    public async Task Rebuild_Help_ListsItsOptions()
    {
        var (code, output, _) = await RunAsync("rebuild", "--help");
        Assert.Equal(0, code);
        Assert.All(["--rule-pack <file>", "--date <YYYY-MM-DD>", "--apply", "--Zhijiang:<section>:<name>=<value>"], option => Assert.Contains(option, output));
        Assert.Contains("evaluation sheet", output);
    }

    private async Task<(int Code, string Output)> RebuildAsync(params string[] args)
    {
        var (code, output, _) = await RunAsync(["rebuild", .. Store, .. args]);
        return (code, output);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SiloCommandLine.InvokeAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<long> YearScoreAsync(params string[] settings)
    {
        await using var silo = await RunningSilo.StartAsync([.. Store, "--Zhijiang:Store:SnapshotInterval=00:00:00", .. settings]);
        using var client = silo.QueryClient();
        return (await client.GetTeacherAsync(new GetRequest { Id = "T1", Date = Date })).Year;
    }

    private static ActivityEvent MobileOperation(string id) => new()
    {
        EventId = id,
        TeacherId = "T1",
        OccurredAt = Timestamp.FromDateTimeOffset(RunningSilo.Now),
        Client = ZhijiangLive.Contracts.V1.Client.Mobile,
        MobileOperation = new MobileOperation { Kind = "message" },
    };

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
