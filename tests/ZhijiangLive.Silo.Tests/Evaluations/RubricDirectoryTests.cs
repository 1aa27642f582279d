using ZhijiangLive.Contracts.V1;
using static ZhijiangLive.Silo.Tests.Evaluations.EvaluationFixtures;

namespace ZhijiangLive.Silo.Tests.Evaluations;

/// <summary>A third rubric is a new file: put in Zhijiang:RubricDirectory, it is served like the shipped ones.</summary>
public sealed class RubricDirectoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("zhijiang-rubrics-").FullName;

    private const string CountyRubric = """
        // A county's own 家校共育 award: reuses the measures of the shipped rubrics.
        {
          "id": "xihu-home-school-2026", "title": "西湖区家校共育空间", "seed": "county", "total": 10,
          "tiers": [ { "name": "优秀", "share": 0.5 } ],
          "items": [
            { "id": "home_school", "name": "家校互动", "cap": 6, "window": "registration",
              "parts": [ { "measure": "interactions", "kind": "home_school", "every": 1, "points": 2 } ] },
            { "id": "followers", "name": "关注度", "cap": 4, "window": "lifetime",
              "parts": [ { "measure": "followers", "every": 5, "points": 1 } ] }
          ]
        }
        """;

    [Fact]
    public async Task ARubricFile_IsListed_RegisteredFor_AndScoredFromEvents()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "xihu.json"), CountyRubric);
        await using var silo = await RunningSilo.StartAsync($"--Zhijiang:RubricDirectory={_directory}");
        using var platform = silo.PlatformClient();
        using var province = silo.QueryClient();
        await platform.UpsertRosterAsync(Roster());

        var register = Register("T00", "T01");
        foreach (var candidate in register.Candidates) candidate.RubricId = "xihu-home-school-2026";
        await province.RegisterCandidatesAsync(register);
        await platform.PublishAsync(Activity(RunningSilo.Now));
        var rubrics = await province.ListRubricsAsync();
        var sheet = await province.GetSheetAsync(new SheetRequest { RubricId = "xihu-home-school-2026", Year = Year, TeacherId = "T00" });

        Assert.Equal(["featured-2018", "guizhou-2021", "xihu-home-school-2026"], rubrics.Rubrics.Select(r => r.Id));
        // Two home-school interactions at 2 each, and 12 followers at 1 per 5.
        Assert.Equal([("home_school", 4.0), ("followers", 2.0)], sheet.Items.Select(i => (i.Id, i.Points)));
        Assert.Equal((6.0, 1, "优秀"), (sheet.Total, sheet.Rank, sheet.Tier));
    }

    [Fact]
    public async Task AnInvalidRubricFile_StopsTheSilo_NamingTheFileAndTheProblem()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "broken.json"), CountyRubric.Replace("\"followers\", \"every\"", "\"likes\", \"every\""));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunningSilo.StartAsync($"--Zhijiang:RubricDirectory={_directory}"));

        Assert.Contains("broken.json", error.Message);
        Assert.Contains("likes", error.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
