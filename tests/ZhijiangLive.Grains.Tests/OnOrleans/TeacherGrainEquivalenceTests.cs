using System.Text.Json;
using Orleans;
using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Runtime;
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
/// the same newest report at every school.
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
            var actual = await PublishByTeacherAsync(h.Cluster, silo.Grains, batch, acceptedAt);
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
        foreach (var school in ClusterHarness.Schools)
        {
            var kept = await h.Cluster.Runtime.Ask<StandInSchoolGrain, List<TeacherChange>>(
                new GrainId(StandInSchoolGrain.Kind, school), s => [.. s.State.Members.Reports.OrderBy(r => r.TeacherId, StringComparer.Ordinal)]);
            Assert.Equal(kept, silo.Reports.LatestAt(school));
        }
    }

    private static async Task UpsertBothAsync(ClusterHarness h, TestSilo silo, IReadOnlyList<Roster.TeacherEntry> teachers)
    {
        await h.AddTeachersAsync([.. teachers]);
        foreach (var teacher in teachers)
        {
            await silo.Grains.GetGrain<ITeacherGrain>(teacher.Id).UpsertAsync(teacher);
        }
    }

    /// <summary>
    /// As the facade will call Orleans: the checks that need no teacher first (so a locked teacher's stale
    /// event is OUT_OF_WINDOW, as today), then one call per teacher with its events of the group, all at once.
    /// </summary>
    private static async Task<ScoreOutcome[]> PublishByTeacherAsync(
        Grains.Cluster.ZhijiangCluster checks, IGrainFactory grains, List<ActivityEvent> batch, DateTimeOffset acceptedAt)
    {
        var outcomes = new ScoreOutcome[batch.Count];
        var passed = new List<(ActivityEvent e, int index)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var (reason, detail) = checks.Precheck(batch[i], acceptedAt);
            if (reason == RejectionReason.None) passed.Add((batch[i], i));
            else outcomes[i] = ScoreOutcome.Rejected(reason, detail);
        }
        var calls = passed
            .GroupBy(p => p.e.TeacherId)
            .Select(async teacher =>
            {
                var indexes = teacher.Select(p => p.index).ToArray();
                var events = new TeacherEvents(acceptedAt, [.. teacher.Select(p => new TeacherEvent(p.e, 0))]);
                var answered = await grains.GetGrain<ITeacherGrain>(teacher.Key).PublishAsync(events);
                for (var i = 0; i < indexes.Length; i++)
                {
                    outcomes[indexes[i]] = answered[i];
                }
            });
        await Task.WhenAll(calls);
        return outcomes;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
