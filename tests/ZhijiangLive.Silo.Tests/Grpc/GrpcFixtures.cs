using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Roster;
using RosterBatch = ZhijiangLive.Grains.Cluster.RosterBatch;
using RegionLevel = ZhijiangLive.Grains.Roster.RegionLevel;

namespace ZhijiangLive.Silo.Tests.Grpc;

/// <summary>A small roster and events around the silo's stopped clock.</summary>
internal static class GrpcFixtures
{
    public const string Publish = "/zhijiang.live.v1.Ingest/Publish";
    public const string PublishStream = "/zhijiang.live.v1.Ingest/PublishStream";

    public static Task SeedRosterAsync(ZhijiangCluster cluster) => cluster.UpsertRosterAsync(new RosterBatch(
        [
            new RegionEntry("330000", "浙江省", RegionLevel.Province, null),
            new RegionEntry("330100", "杭州市", RegionLevel.City, "330000"),
            new RegionEntry("330106", "西湖区", RegionLevel.County, "330100"),
        ],
        [new SchoolEntry("S1", "学军中学", "330106")],
        [
            new TeacherEntry("T1", "王老师", "S1", "数学", false),
            new TeacherEntry("T2", "李老师", "S1", "语文", false),
            new TeacherEntry("TL", "赵老师", "S1", "英语", true),
        ]));

    public static ActivityEvent Login(string id, string teacher = "T1", TimeSpan? offset = null) => new()
    {
        EventId = id,
        TeacherId = teacher,
        OccurredAt = Timestamp.FromDateTimeOffset(RunningSilo.Now + (offset ?? TimeSpan.Zero)),
        Client = ZhijiangLive.Contracts.V1.Client.Pc,
        Login = new Login(),
    };

    public static ActivityEvent Teaching(string id, string session, string teacher = "T1") => new()
    {
        EventId = id,
        TeacherId = teacher,
        OccurredAt = Timestamp.FromDateTimeOffset(RunningSilo.Now),
        Client = ZhijiangLive.Contracts.V1.Client.Pc,
        TeachingSession = new TeachingSession { SessionId = session, DurationSeconds = 2400 },
    };

    public static PublishRequest Batch(params ActivityEvent[] events)
    {
        var request = new PublishRequest();
        request.Events.AddRange(events);
        return request;
    }
}
