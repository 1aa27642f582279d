using System.Text.Json;
using Orleans;
using ZhijiangLive.Grains.Schools;
using ZhijiangLive.Grains.Teachers;
using ZhijiangLive.Grains.Tests.Cluster;
using ZhijiangLive.Grains.Tests.Teachers;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Tests.OnOrleans;

/// <summary>
/// The teacher grain on Orleans against today's on the stand-in runtime: the same seeded random events,
/// moves and locks give the same outcome for every event, the same figures and ledger on every day, and
/// the same figures at every school.
/// </summary>
public sealed class TeacherGrainEquivalenceTests
{
    private const int Teachers = 12;
    private const int Days = 5;
    private const int GroupSize = 20;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task OrleansTeacher_EqualsStandInTeacher_AfterRandomEventsMovesAndLocks(int seed)
    {
        await using var h = new ClusterHarness();
        await h.BuildTreeAsync();
        await using var silo = await TestSilo.StartAsync(h.Cluster.Services);
        await OrleansTree.BuildAsync(silo.Grains, h.Cluster.Roster);

        var roster = Enumerable.Range(1, Teachers)
            .Select(i => ClusterHarness.Teacher($"T{i:00}", ClusterHarness.Schools[i % 3]))
            .ToList();
        await UpsertBothAsync(h, silo, roster);

        var events = roster
            .SelectMany((t, i) => RandomActivity.Days(t.Id, seed * 100 + i, firstDay: 0, Days))
            .Append((Event: h.Event("nobody", Login.Instance), AcceptedAt: h.Clock.GetUtcNow()))
            .OrderBy(e => e.AcceptedAt.UtcTicks)
            .ThenBy(e => e.Event.EventId, StringComparer.Ordinal)
            .ToList();
        var groups = events.Chunk(GroupSize).ToList();
        var scored = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            if (g == groups.Count / 2)
            {
                // Halfway: one teacher moves school, another is locked, so reports go to two schools and stop.
                await UpsertBothAsync(h, silo, [roster[0] with { SchoolId = "S6" }, roster[1] with { Locked = true }]);
            }
            var batch = groups[g].Select(e => e.Event).ToList();
            var acceptedAt = groups[g][^1].AcceptedAt;
            var expected = (await h.Cluster.PublishAsync(batch, acceptedAt)).Outcomes;
            var actual = await PublishByTeacher.PublishAsync(h.Cluster, silo.Grains, batch, acceptedAt);
            Assert.Equal(expected, actual);
            scored += actual.Count(o => !o.IsRejected && o.Entry.Points != 0);
        }

        // Not a vacuous comparison: most events reached a grain and many earned points.
        Assert.True(scored > events.Count / 4, $"only {scored} of {events.Count} events scored");
        await h.Cluster.FlushAsync();
        h.SetNow(events[^1].AcceptedAt);
        foreach (var teacher in roster.Select(t => t.Id).Append("nobody"))
        {
            var grain = silo.Grains.GetGrain<ITeacherGrain>(teacher);
            for (var day = 0; day < Days + 3; day++)
            {
                var date = DateOnly.FromDateTime(RandomActivity.Start.AddDays(day + 1).Date);
                Assert.Equal(Json(await h.Cluster.GetTeacherAsync(teacher, date)), Json(await grain.GetAsync(date)));
                Assert.Equal(Json(await h.Cluster.ExplainTeacherAsync(teacher, date)), Json(await grain.ExplainAsync(date)));
            }
        }
        await OrleansTree.SettleAsync(silo.Grains);
        var today = h.Cluster.Services.Calendar.DateOf(h.Clock.GetUtcNow());
        foreach (var school in ClusterHarness.Schools)
        {
            Assert.Equal(Json(await h.Cluster.GetSchoolAsync(school, today)), Json(await silo.Grains.GetGrain<ISchoolGrain>(school).GetAsync(today)));
        }
    }

    private static async Task UpsertBothAsync(ClusterHarness h, TestSilo silo, IReadOnlyList<Roster.TeacherEntry> teachers)
    {
        await h.AddTeachersAsync([.. teachers]);
        await OrleansTree.UpsertTeachersAsync(silo.Grains, teachers);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
