using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Grains.Roster;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;
using RosterBatch = ZhijiangLive.Grains.Cluster.RosterBatch;
using RegionLevel = ZhijiangLive.Grains.Roster.RegionLevel;

namespace ZhijiangLive.Silo.Tests.Live;

/// <summary>Roster additions and event bursts for the hub tests, beside <see cref="Grpc.GrpcFixtures"/>' 西湖区.</summary>
internal static class LiveFixtures
{
    /// <summary>滨江区, a second county of 杭州市, with a school and a teacher of its own.</summary>
    public static RosterBatch SecondCounty() => new(
        [new RegionEntry("330108", "滨江区", RegionLevel.County, "330100")],
        [new SchoolEntry("S9", "滨江实验学校", "330108")],
        [new TeacherEntry("T9", "陈老师", "S9", "物理", false)]);

    /// <summary>Teachers B000… in S1 (西湖区), for bursts of events.</summary>
    public static RosterBatch BurstTeachers(int count) => new(
        [], [], [.. Enumerable.Range(0, count).Select(i => new TeacherEntry($"B{i:000}", $"教师{i:000}", "S1", "数学", false))]);

    /// <summary>Ten events for each burst teacher: a login and nine teaching sessions, 1 + 10 (capped) points each.</summary>
    public static ActivityEvent[] Burst(int teachers) =>
    [
        .. Enumerable.Range(0, teachers).SelectMany(i => Enumerable.Range(0, 10).Select(j => j == 0
            ? Login($"b{i}-login", teacher: $"B{i:000}")
            : Teaching($"b{i}-t{j}", $"s{j}", teacher: $"B{i:000}"))),
    ];

    /// <summary>
    /// 余杭区, whose ten teachers' names are so long that one message naming them all (about 6 MB) is more than
    /// the buffers between the hub and a browser hold (a TCP send buffer grows to 4 MB at most on Linux's
    /// defaults, the pipes hold 64 KB each): a send to a browser that stopped reading cannot finish.
    /// </summary>
    public static RosterBatch LongNamedCounty() => new(
        [new RegionEntry("330110", "余杭区", RegionLevel.County, "330100")],
        [new SchoolEntry("SL", "余杭高级中学", "330110")],
        [.. Enumerable.Range(0, 10).Select(i => new TeacherEntry($"L{i}", new string((char)('a' + i), 600_000), "SL", "历史", false))]);

    /// <summary>Publishes the events in <paramref name="batches"/> concurrent calls; how long they took, all accepted.</summary>
    public static async Task<TimeSpan> PublishConcurrentlyAsync(ZhijiangClient client, IReadOnlyList<ActivityEvent> events, int batches)
    {
        var size = (events.Count + batches - 1) / batches;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var replies = await Task.WhenAll(events.Chunk(size).Select(chunk => client.PublishAsync(Batch(chunk))));
        var took = started.Elapsed;
        Assert.Equal(events.Count, replies.Sum(r => r.Accepted));
        return took;
    }
}
