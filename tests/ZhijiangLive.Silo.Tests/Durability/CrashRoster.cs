using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Silo.Tests.Durability;

/// <summary>A county of four schools and forty teachers, and events of every scoring kind for them.</summary>
internal static class CrashRoster
{
    public const int Teachers = 40;
    private static readonly string[] Apps = ["mingshi-studio", "base-school", "online-research", "weike", "subject-learning"];

    public static RosterBatch Batch()
    {
        var batch = new RosterBatch();
        batch.Regions.Add(new Region { Id = "330000", Name = "浙江省", Level = RegionLevel.Province });
        batch.Regions.Add(new Region { Id = "330100", Name = "杭州市", Level = RegionLevel.City, ParentId = "330000" });
        batch.Regions.Add(new Region { Id = "330106", Name = "西湖区", Level = RegionLevel.County, ParentId = "330100" });
        for (var s = 0; s < 4; s++)
        {
            batch.Schools.Add(new School { Id = $"S{s}", Name = $"学校{s}", CountyId = "330106" });
        }
        for (var t = 0; t < Teachers; t++)
        {
            batch.Teachers.Add(new Teacher { Id = $"T{t}", Name = $"老师{t}", SchoolId = $"S{t % 4}", Subject = "数学" });
        }
        return batch;
    }

    /// <summary>
    /// An event with a given id; which teacher, kind and details follow from the random source, from small
    /// pools so that caps, streaks of distinct users and per-resource counts are all reached.
    /// </summary>
    public static ActivityEvent Event(string id, Random random, DateTimeOffset occurredAt)
    {
        var teacher = random.Next(Teachers);
        var e = new ActivityEvent
        {
            EventId = id,
            TeacherId = $"T{teacher}",
            OccurredAt = Timestamp.FromDateTimeOffset(occurredAt),
            Client = random.Next(3) == 0 ? ZhijiangLive.Contracts.V1.Client.Mobile : ZhijiangLive.Contracts.V1.Client.Pc,
        };
        switch (random.Next(8))
        {
            case 0: e.Login = new Login(); break;
            case 1: e.MobileOperation = new MobileOperation { Kind = "message" }; break;
            case 2: e.TeachingSession = new TeachingSession { SessionId = $"session-{random.Next(400)}", DurationSeconds = 2400 }; break;
            case 3:
                e.ResourceSpread = new ResourceSpread { ResourceId = $"R{teacher}-{random.Next(3)}", UserId = $"u{random.Next(200)}", Action = "download" };
                break;
            case 4: e.Interaction = new Interaction { CounterpartId = $"c{random.Next(30)}", Kind = "message" }; break;
            case 5: e.AppUsage = new AppUsage { AppId = Apps[random.Next(Apps.Length)] }; break;
            case 6: e.TaskPublished = new TaskPublished { TaskId = $"task-{teacher}-{random.Next(5)}", Kind = "homework" }; break;
            default:
                e.TaskEngagement = new TaskEngagement { TaskId = $"task-{teacher}-{random.Next(5)}", StudentId = $"s{random.Next(20)}", Completed = true };
                break;
        }
        return e;
    }
}
