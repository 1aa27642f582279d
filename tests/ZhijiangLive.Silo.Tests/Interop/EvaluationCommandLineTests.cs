using System.Text.RegularExpressions;
using ZhijiangLive.Contracts.V1;
using static ZhijiangLive.Silo.Tests.Evaluations.EvaluationFixtures;

namespace ZhijiangLive.Silo.Tests.Interop;

/// <summary>
/// tools/zhijiang.py's evaluation commands against a running silo with the evaluation roster (西湖区 330106:
/// T00…T19; 上城区 330102: T20…T22), driven with 西湖区's token as a county bureau would.
/// </summary>
public sealed class EvaluationCommandLineTests : IAsyncLifetime
{
    private static readonly string[] RubricAndYear = ["--rubric", Rubric, "--year", $"{Year}"];
    private readonly string _xihuToken = TestCredentials.TokenFor(Xihu);
    private RunningSilo _silo = null!;

    public async Task InitializeAsync()
    {
        _silo = await RunningSilo.StartAsync();
        using var platform = _silo.PlatformClient();
        await platform.UpsertRosterAsync(Roster());
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task ACountyBureau_RegistersItsTeachers_ScoresOne_AndPrintsItsSheet()
    {
        var registered = await XihuAsync(["register", .. XihuTeachers, .. RubricAndYear]);
        await PublishActivityAsync();
        var scored = await XihuAsync(["expert-score", "T00", "typical_case", "7.5", .. RubricAndYear]);

        var sheet = await XihuAsync(["sheet", "T00", .. RubricAndYear]);

        Assert.True(registered.ExitCode == 0, registered.Output);
        Assert.Contains("\"candidates\": 20", registered.Output);
        Assert.True(scored.ExitCode == 0, scored.Output);
        Assert.Contains("\"expert_scores\": 1", scored.Output);
        Assert.True(sheet.ExitCode == 0, sheet.Output);
        var lines = Lines(sheet);
        Assert.Equal("T00 老师T00 (S1), guizhou-2021 2026: total 15.5, rank 1 of 20 in the province, 一等奖.", lines[0]);
        Assert.Equal("Registered; its figures count from 2026-03-02 02:00:00 UTC.", lines[1]);
        // The items' rows, split on runs of spaces: item, name, measured, points/cap, missing to next.
        var rows = Rows(lines, "item ").ToDictionary(r => r[0]);
        Assert.Equal(["作业管理", "3 homework", "3/5", "+1 homework"], rows["homework"][1..]);
        Assert.Equal(["家校互动", "2 interactions", "2/5", "+1 interactions"], rows["home_school"][1..]);
        Assert.Equal(["关注度", "12 followers, 10 following", "3/5", "+8 followers"], rows["attention"][1..]);
        Assert.Equal(["应用典型案例", "expert: entered", "7.5/10", "experts only"], rows["typical_case"][1..]);
        Assert.Equal(["栏目设计", "expert: not entered", "0/2", "experts only"], rows["columns"][1..]);
        Assert.Equal(["total", "15.5"], rows["total"]);
        // Every item as the silo has it.
        using var xihu = _silo.QueryClient(_xihuToken);
        var figures = await xihu.GetSheetAsync(new SheetRequest { RubricId = Rubric, Year = Year, TeacherId = "T00" });
        Assert.Equal(figures.Items.Select(i => $"{i.Id} {i.Points}/{i.Cap}"),
            rows.Values.Where(r => r[0] != "total").Select(r => $"{r[0]} {r[3]}"));
    }

    [Fact]
    public async Task ACountyToken_RegisteringTheNeighbourCountysTeacher_IsRefusedWithTheDetail()
    {
        var refused = await XihuAsync(["register", "T01", "T20", .. RubricAndYear]);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("{\"code\": \"PERMISSION_DENIED\", \"details\": \"teacher 'T20' is outside this token's region; " +
            "nothing of this request was taken\"}", refused.Output);
        Assert.Empty(_silo.Cluster.Roster.Candidates.Of(Rubric, Year));
    }

    [Fact]
    public async Task TheRanking_OfTheTokensOwnCounty_PrintsRankProvinceRankAndTier_AsTheSiloHasThem()
    {
        using var province = _silo.QueryClient();
        await XihuAsync(["register", .. XihuTeachers, .. RubricAndYear]);
        await province.RegisterCandidatesAsync(Register(ShangchengTeachers));
        await PublishActivityAsync();
        await XihuAsync(["expert-score", "T00", "typical_case", "7.5", .. RubricAndYear]);
        // 上城区's T20 comes between T00 and T01 in the province, not in 西湖区.
        await province.ScoreExpertAsync(Expert("T20", "typical_case", 5));
        var withdrawn = await XihuAsync(["register", "T19", "--withdraw", .. RubricAndYear]);

        var ranking = await XihuAsync(["evaluation-ranking", .. RubricAndYear, "--limit", "5"]);

        Assert.True(withdrawn.ExitCode == 0, withdrawn.Output);
        Assert.True(ranking.ExitCode == 0, ranking.Output);
        var lines = Lines(ranking);
        Assert.Equal("guizhou-2021 2026 in 330106: 19 candidates, 1 to 5 shown.", lines[0]);
        // The rows, split on runs of spaces: rank, province rank, teacher, name, total, tier.
        var rows = Rows(lines, "rank ").Select(r => string.Join('|', r)).ToList();
        Assert.Equal("1|1|T00|老师T00|15.5|一等奖", rows[0]);
        Assert.StartsWith("2|3|T01|老师T01|1|", rows[1]);
        using var xihu = _silo.QueryClient(_xihuToken);
        var figures = await xihu.GetEvaluationRankingAsync(new EvaluationRankingRequest { RubricId = Rubric, Year = Year, Limit = 5 });
        Assert.Equal(figures.Entries.Select(e => $"{e.Rank}|{e.ProvinceRank}|{e.TeacherId}|{e.Name}|{e.Total}|{(e.Tier.Length > 0 ? e.Tier : "-")}"), rows);
    }

    [Fact]
    public async Task TheRubrics_AreListed_WithTheirItemsCapsAndTiers()
    {
        var listed = await XihuAsync(["rubrics"]);

        Assert.True(listed.ExitCode == 0, listed.Output);
        var lines = Lines(listed);
        Assert.Contains("guizhou-2021 网络学习空间普及应用教师空间评价指标: 105 points; award tiers by share of the province's " +
            "candidates: 一等奖 5%, 二等奖 10%, 三等奖 20%", lines);
        var items = Rows(lines.SkipWhile(l => !l.StartsWith("guizhou-2021 ", StringComparison.Ordinal)).ToArray(), "item ").ToDictionary(r => r[0]);
        Assert.Equal(22, items.Count);
        Assert.Equal(["应用效果", "应用典型案例", "10", "yes"], items["typical_case"][1..]);
        Assert.Equal(["空间应用", "作业管理", "5"], items["homework"][1..]);
    }

    private async Task PublishActivityAsync()
    {
        using var platform = _silo.PlatformClient();
        await platform.PublishAsync(Activity(RunningSilo.Now));
    }

    private Task<ClientScript> XihuAsync(string[] command) => ZhijiangPy.RunAsync(_silo, ["--token", _xihuToken, .. command]);

    private static string[] Lines(ClientScript run) => run.Output.Split('\n', StringSplitOptions.TrimEntries);

    /// <summary>The rows of the first table under the header that starts so, each split on runs of spaces.</summary>
    private static IEnumerable<string[]> Rows(string[] lines, string header) =>
        lines.SkipWhile(l => !l.StartsWith(header, StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Length > 0)
            .Select(l => Regex.Split(l, " {2,}"));
}
