using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Silo.Commands;
using static ZhijiangLive.Silo.Tests.Evaluations.EvaluationFixtures;

namespace ZhijiangLive.Silo.Tests.Durability;

/// <summary>The rebuild command recomputes the evaluation sheets too, reports how they changed, and applies the rebuilt measures on request.</summary>
public sealed class RebuildEvaluationTests : IDisposable
{
    private const string Featured = "featured-2018";
    private readonly string _directory = Directory.CreateTempSubdirectory("zhijiang-rebuild-evaluations-").FullName;

    private string Database => Path.Combine(_directory, "journal.db");
    private string[] Store => StoreSettings.Sqlite(Database);

    [Fact]
    public async Task Rebuild_WithTheSameRulePack_ComparesEveryRubricYear_AndFindsTheSheetsEqual()
    {
        await using (var silo = await RunningSilo.StartAsync([.. Store]))
        {
            using var province = silo.QueryClient();
            using var platform = silo.PlatformClient();
            await platform.UpsertRosterAsync(Roster());
            await province.RegisterCandidatesAsync(Register("T00", "T01", "T02"));
            await province.RegisterCandidatesAsync(RegisterFeatured("T00", "T01"));
            await platform.PublishAsync(Activity(RunningSilo.Now));
            await province.ScoreExpertAsync(Expert("T00", "typical_case", 7.5));
        }

        var (code, output) = await RebuildAsync();

        Assert.Equal(0, code);
        Assert.Contains($"Evaluation sheets compared for {Featured} {Year}, {Rubric} {Year}: 5 candidates, 0 sheets differ", output);
        Assert.DoesNotContain("Sheet differences", output);
    }

    [Fact]
    public async Task Rebuild_WithARulePackThatMovesTheYearPoints_NamesTheSheetsThatDiffer_AndAppliesThem()
    {
        var pack = Path.Combine(_directory, "mobile-3.json");
        await File.WriteAllTextAsync(pack, """{ "rules": { "mobileOp": { "points": 3, "dailyCap": 6 } } }""");
        await using (var silo = await RunningSilo.StartAsync([.. Store]))
        {
            using var province = silo.QueryClient();
            using var platform = silo.PlatformClient();
            await platform.UpsertRosterAsync(Roster());
            await province.RegisterCandidatesAsync(RegisterFeatured("T00", "T01"));
            // T00's year is 2 points, all mobile (6 with the new pack); T01's is 5, none mobile.
            var reply = await platform.PublishAsync(new PublishRequest { Events = { MobileOperation("m1", "T00"), MobileOperation("m2", "T00"), CompleteProfile("p1", "T01") } });
            Assert.Equal(3, reply.Accepted);
        }

        var (code, output) = await RebuildAsync("--rule-pack", pack);

        Assert.Equal(0, code);
        Assert.Contains($"Evaluation sheets compared for {Featured} {Year}: 2 candidates, 2 sheets differ", output);
        Assert.Contains($"  {Featured} {Year} T00 老师T00: total 10 -> 15, year_points 5 -> 10", output);
        Assert.Contains($"  {Featured} {Year} T01 老师T01: total 10 -> 5, rank 1 -> 2, year_points 10 -> 5", output);
        Assert.Equal((10.0, 1), await FeaturedSheetAsync("T00", $"--Zhijiang:RulePackFile={pack}"));

        (code, _) = await RebuildAsync("--rule-pack", pack, "--apply");

        Assert.Equal(0, code);
        Assert.Equal((15.0, 1), await FeaturedSheetAsync("T00", $"--Zhijiang:RulePackFile={pack}"));
        (code, output) = await RebuildAsync("--rule-pack", pack);
        Assert.Contains("2 candidates, 0 sheets differ", output);
    }

    private static RegisterRequest RegisterFeatured(params string[] teachers)
    {
        var request = Register(teachers);
        foreach (var candidate in request.Candidates)
        {
            candidate.RubricId = Featured;
        }
        return request;
    }

    private async Task<(double Total, int Rank)> FeaturedSheetAsync(string teacher, params string[] settings)
    {
        await using var silo = await RunningSilo.StartAsync([.. Store, "--Zhijiang:Store:SnapshotInterval=00:00:00", .. settings]);
        using var client = silo.QueryClient();
        var sheet = await client.GetSheetAsync(new SheetRequest { RubricId = Featured, Year = Year, TeacherId = teacher });
        return (sheet.Total, sheet.Rank);
    }

    private async Task<(int Code, string Output)> RebuildAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SiloCommandLine.InvokeAsync(["rebuild", .. Store, .. args], output, error);
        return (code, output.ToString());
    }

    private static ActivityEvent MobileOperation(string id, string teacher) => new()
    {
        EventId = id,
        TeacherId = teacher,
        OccurredAt = Timestamp.FromDateTimeOffset(RunningSilo.Now),
        Client = ZhijiangLive.Contracts.V1.Client.Mobile,
        MobileOperation = new MobileOperation { Kind = "message" },
    };

    private static ActivityEvent CompleteProfile(string id, string teacher) => new()
    {
        EventId = id,
        TeacherId = teacher,
        OccurredAt = Timestamp.FromDateTimeOffset(RunningSilo.Now),
        Client = ZhijiangLive.Contracts.V1.Client.Pc,
        ProfileUpdated = new ProfileUpdated { HasAvatar = true, HasContact = true, HasSchoolOrClass = true, HasSubject = true },
    };

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
