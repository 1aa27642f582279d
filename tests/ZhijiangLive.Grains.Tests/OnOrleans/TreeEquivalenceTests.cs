using System.Text.Json;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Schools;
using ZhijiangLive.Grains.Tests.Cluster;
using ZhijiangLive.Grains.Tests.Teachers;

namespace ZhijiangLive.Grains.Tests.OnOrleans;

/// <summary>
/// Schools, counties, cities and the province on Orleans against today's on the stand-in runtime: the same
/// seeded random events, a move across cities and a lock, settled level by level, give every school and
/// region the same figures on every day and the same rankings and shortlists.
/// </summary>
public sealed class TreeEquivalenceTests
{
    private const int Teachers = 30;
    private const int Days = 4;
    private const int GroupSize = 25;
    private static readonly DateOnly FirstDay = new(2026, 3, 2);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task OrleansTree_EqualsStandInTree_AfterRandomEventsAMoveAndALock(int seed)
    {
        await using var h = new ClusterHarness();
        await h.BuildTreeAsync();
        await using var silo = await TestSilo.StartAsync(h.Cluster.Services);
        await OrleansTree.BuildAsync(silo.Grains, h.Cluster.Roster);

        var roster = Enumerable.Range(1, Teachers)
            .Select(i => ClusterHarness.Teacher($"T{i:00}", ClusterHarness.Schools[i % ClusterHarness.Schools.Length]))
            .ToList();
        await UpsertBothAsync(h, silo, roster);

        var events = roster
            .SelectMany((t, i) => RandomActivity.Days(t.Id, seed * 1000 + i, firstDay: 0, Days))
            .OrderBy(e => e.AcceptedAt.UtcTicks)
            .ThenBy(e => e.Event.EventId, StringComparer.Ordinal)
            .ToList();
        var groups = events.Chunk(GroupSize).ToList();
        for (var g = 0; g < groups.Count; g++)
        {
            if (g == groups.Count / 2)
            {
                // T01 (S2, county K1, city C1) moves to S6 (K3, C2); T02 is locked and leaves every figure.
                await UpsertBothAsync(h, silo, [roster[0] with { SchoolId = "S6" }, roster[1] with { Locked = true }]);
            }
            var batch = groups[g].Select(e => e.Event).ToList();
            var acceptedAt = groups[g][^1].AcceptedAt;
            var expected = (await h.Cluster.PublishAsync(batch, acceptedAt)).Outcomes;
            Assert.Equal(expected, await PublishByTeacher.PublishAsync(h.Cluster, silo.Grains, batch, acceptedAt));
            await h.Cluster.FlushAsync();
            await OrleansTree.SettleAsync(silo.Grains);
        }

        h.SetNow(events[^1].AcceptedAt);
        var province = await silo.Grains.GetGrain<IRegionGrain>("P").GetAsync(FirstDay);
        // Not a vacuous comparison: the province counts every unlocked teacher, and they scored.
        Assert.Equal(Teachers - 1, province!.Teachers);
        Assert.True(province.Month.Total > 0);
        for (var day = 0; day < Days + 2; day++)
        {
            var date = FirstDay.AddDays(day);
            foreach (var school in ClusterHarness.Schools)
            {
                Assert.Equal(Json(await h.Cluster.GetSchoolAsync(school, date)), Json(await silo.Grains.GetGrain<ISchoolGrain>(school).GetAsync(date)));
            }
            foreach (var region in OrleansTree.Regions)
            {
                Assert.Equal(Json(await h.Cluster.GetRegionAsync(region, date)), Json(await silo.Grains.GetGrain<IRegionGrain>(region).GetAsync(date)));
            }
        }
        await AssertSameRankingsAsync(h, silo);
    }

    private static async Task AssertSameRankingsAsync(ClusterHarness h, TestSilo silo)
    {
        foreach (var period in new[] { Period.Day, Period.Month, Period.Year })
        {
            foreach (var school in ClusterHarness.Schools)
            {
                var request = new RankingRequest(school, RankingKind.Teachers, period, Limit: 100);
                Assert.Equal(Json(await h.Cluster.GetRankingAsync(request)), Json(await silo.Grains.GetGrain<ISchoolGrain>(school).RankAsync(request)));
            }
            foreach (var region in OrleansTree.Regions)
            {
                foreach (var kind in new[] { RankingKind.Teachers, RankingKind.Schools, RankingKind.Regions })
                {
                    var request = new RankingRequest(region, kind, period, Limit: 100);
                    Assert.Equal(Json(await h.Cluster.GetRankingAsync(request)), Json(await silo.Grains.GetGrain<IRegionGrain>(region).RankAsync(request)));
                }
            }
        }
        foreach (var city in OrleansTree.Cities)
        {
            foreach (var kind in new[] { ShortlistKind.TeacherSpaces, ShortlistKind.DigitalSchools, ShortlistKind.ClubSpaces })
            {
                Assert.Equal(Json(await h.Cluster.GetShortlistAsync(city, kind)), Json(await silo.Grains.GetGrain<IRegionGrain>(city).ShortlistAsync(kind)));
            }
        }
    }

    private static async Task UpsertBothAsync(ClusterHarness h, TestSilo silo, IReadOnlyList<TeacherEntry> teachers)
    {
        await h.AddTeachersAsync([.. teachers]);
        await OrleansTree.UpsertTeachersAsync(silo.Grains, teachers);
        await OrleansTree.SettleAsync(silo.Grains);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
