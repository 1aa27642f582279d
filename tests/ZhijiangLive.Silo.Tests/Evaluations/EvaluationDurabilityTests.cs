using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Silo.Tests.Durability;
using static ZhijiangLive.Silo.Tests.Evaluations.EvaluationFixtures;

namespace ZhijiangLive.Silo.Tests.Evaluations;

/// <summary>
/// Registrations, expert points and the measures behind every sheet survive a restart: from the last snapshot
/// round of a graceful stop, and from snapshots plus the journal after SIGKILL.
/// </summary>
public sealed class EvaluationDurabilityTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("zhijiang-evaluations-").FullName;

    private string[] SqliteSettings => StoreSettings.Sqlite(Path.Combine(_directory, "journal.db"));

    [Fact]
    public async Task AfterAGracefulRestart_EverySheetAndRankingIsAsBefore()
    {
        string before;
        await using (var silo = await RunningSilo.StartAsync(SqliteSettings))
        {
            using var platform = silo.PlatformClient();
            using var province = silo.QueryClient();
            await platform.UpsertRosterAsync(Roster());
            await province.RegisterCandidatesAsync(Register([.. XihuTeachers, .. ShangchengTeachers]));
            await platform.PublishAsync(Activity(RunningSilo.Now));
            await province.ScoreExpertAsync(Expert("T00", "typical_case", 7.5));
            before = await FiguresAsync(province);
            Assert.Contains("15.5", before);
        }

        await using var again = await RunningSilo.StartAsync(SqliteSettings);
        using var reader = again.QueryClient();

        Assert.Equal(before, await FiguresAsync(reader));
    }

    [Fact]
    public async Task AfterSigkill_TheSheetsAreAsBefore_AndKeepCounting()
    {
        using var silo = new SiloProcess([.. SqliteSettings, "--Zhijiang:Store:SnapshotInterval=00:00:00.200"]);
        using var platform = silo.PlatformClient();
        using var province = silo.QueryClient();
        await silo.StartAsync(platform);
        await platform.UpsertRosterAsync(Roster());
        await province.RegisterCandidatesAsync(Register("T00", "T01", "T20"));
        var now = DateTimeOffset.UtcNow;
        await platform.PublishAsync(Activity(now));
        // A snapshot round takes what came so far; what follows lives in the journal only when the silo dies.
        await Task.Delay(800);
        await province.RegisterCandidatesAsync(Register("T02"));
        await province.ScoreExpertAsync(Expert("T00", "typical_case", 7.5));
        await platform.PublishAsync(Batch("late", "T02", e => e.HomeworkMarked = new HomeworkMarked { TaskId = "hw9", StudentId = "s1" }, DateTimeOffset.UtcNow));
        var before = await FiguresAsync(province, RegistrationYear(now));

        silo.Kill();
        await silo.StartAsync(platform);

        Assert.Equal(before, await FiguresAsync(province, RegistrationYear(now)));
        await platform.PublishAsync(Batch("after", "T00", e => e.HomeworkMarked = new HomeworkMarked { TaskId = "hw1", StudentId = "s3" }, now));
        var sheet = await province.GetSheetAsync(new SheetRequest { RubricId = Rubric, Year = RegistrationYear(now), TeacherId = "T00" });
        Assert.Equal((4L, 16.5), (sheet.Items.Single(i => i.Id == "homework").Measured, sheet.Total));
        var t02 = await province.GetSheetAsync(new SheetRequest { RubricId = Rubric, Year = RegistrationYear(now), TeacherId = "T02" });
        Assert.Equal(1.0, t02.Items.Single(i => i.Id == "homework").Points);
    }

    private static int RegistrationYear(DateTimeOffset now) => now.ToOffset(TimeSpan.FromHours(8)).Year;

    private static PublishRequest Batch(string id, string teacher, Action<ActivityEvent> body, DateTimeOffset at)
    {
        var e = new ActivityEvent { EventId = id, TeacherId = teacher, OccurredAt = Timestamp.FromDateTimeOffset(at), Client = ZhijiangLive.Contracts.V1.Client.Pc };
        body(e);
        return new PublishRequest { Events = { e } };
    }

    private static async Task<string> FiguresAsync(ZhijiangClient client, int year = Year)
    {
        var ranking = await client.GetEvaluationRankingAsync(new EvaluationRankingRequest { RubricId = Rubric, Year = year });
        var sheets = new List<string> { ranking.ToString() };
        foreach (var entry in ranking.Entries)
        {
            sheets.Add((await client.GetSheetAsync(new SheetRequest { RubricId = Rubric, Year = year, TeacherId = entry.TeacherId })).ToString());
        }
        return string.Join("\n", sheets);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
