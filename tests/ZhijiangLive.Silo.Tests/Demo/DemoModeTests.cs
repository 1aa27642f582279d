using ZhijiangLive.Grains.Roster;

namespace ZhijiangLive.Silo.Tests.Demo;

/// <summary><c>--demo</c> loads the real province tree with generated schools and teachers, and drives traffic through ingest.</summary>
public sealed class DemoModeTests
{
    [Fact]
    public async Task Demo_LoadsZhejiangsCitiesAndCounties_AndItsTrafficScores()
    {
        await using var silo = await RunningSilo.StartAsync("--demo", "--Zhijiang:Demo:Scale=0.002", "--Zhijiang:Demo:EventsPerSecond=500");
        var roster = silo.Cluster.Roster;
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (roster.TeacherCount == 0 || (await silo.Cluster.GetRegionAsync("330000"))!.Day.Total == 0)
        {
            await Task.Delay(50, giveUp.Token);
        }

        Assert.Equal(11, roster.Regions.Count(r => r.Level == RegionLevel.City));
        Assert.Equal(90, roster.Regions.Count(r => r.Level == RegionLevel.County));
        Assert.Contains(roster.Regions, r => r is { Id: "330106", Name: "西湖区", ParentId: "330100" });
        Assert.Equal(1_200, roster.TeacherCount);
        Assert.All(roster.Regions.Where(r => r.Level == RegionLevel.County), county =>
            Assert.Contains(roster.Schools, s => s.CountyId == county.Id));
    }
}
