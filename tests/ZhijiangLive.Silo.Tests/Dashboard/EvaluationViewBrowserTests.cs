using Xunit.Abstractions;
using ZhijiangLive.Silo.Tests.Interop;
using static ZhijiangLive.Silo.Tests.Evaluations.EvaluationFixtures;

namespace ZhijiangLive.Silo.Tests.Dashboard;

/// <summary>
/// The dashboard's 评优 view in a real browser: tests/dashboard/evaluations.test.js drives Debian's chromium
/// against a silo with the evaluation tests' roster (<see cref="Roster"/>), all 23 of its teachers registered
/// for guizhou-2021 2026, <see cref="Activity"/>'s events and 7.5 expert points for T00's typical case. The
/// script enters T01's typical case itself, withdraws T22 behind the page's back and follows 上城区.
/// </summary>
public sealed class EvaluationViewBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EvaluationView_RanksTheRegionsCandidates_AndOpensTheirRubricSheets_InChromium()
    {
        var scripts = Path.Combine(ClientScript.RepositoryRoot(), "tests", "dashboard");
        await DashboardBrowserTests.AssertBrowserInstalledAsync(scripts);
        await using var silo = await RunningSilo.StartAsync();
        using var platform = silo.PlatformClient();
        using var province = silo.QueryClient();
        await platform.UpsertRosterAsync(Roster());
        var registered = await province.RegisterCandidatesAsync(Register([.. XihuTeachers, .. ShangchengTeachers]));
        await platform.PublishAsync(Activity(RunningSilo.Now));
        var scored = await province.ScoreExpertAsync(Expert("T00", "typical_case", 7.5));
        Assert.Equal((23, 1), (registered.Candidates, scored.ExpertScores));

        var run = await ClientScript.RunAsync("node",
        [
            "evaluations.test.js",
            "--url", silo.Http.BaseAddress!.ToString(),
            "--token", TestCredentials.ProvinceToken,
            "--province", "330000",
            "--city", "330100",
            "--county", Shangcheng,
            "--rubric", Rubric,
            "--year", Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--out", Path.Combine(AppContext.BaseDirectory, "TestResults"),
            "--chromium", DashboardBrowserTests.Chromium,
        ], scripts);

        Assert.True(run is not null, "'node' is not on the PATH: apt-get install nodejs npm, as tools/setup does");
        output.WriteLine(run.Output);
        Assert.True(run.Passed, run.ToString());
    }
}
