using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Silo.Tests.ClosedPeriods;

/// <summary>
/// A province of two cities, three counties, six schools and thirty teachers, which the tests move between
/// schools; and events that score exact points (teaching sessions, 5 each, 10 a day).
/// </summary>
internal sealed class ClosedPeriodRoster
{
    public const string Province = "330000";
    public static readonly string[] Cities = ["330100", "330200"];
    public static readonly string[] Counties = ["330106", "330108", "330203"];
    public static readonly string[] Schools = ["S1", "S2", "S3", "S4", "S5", "S6"];
    private int _nextEvent;

    public Dictionary<string, string> SchoolOf { get; } =
        Enumerable.Range(1, 30).ToDictionary(i => $"T{i:00}", i => Schools[i % Schools.Length]);

    public static string CountyOf(string school) => Counties[(int.Parse(school[1..]) - 1) / 2];

    public static string CityOf(string county) => county == "330203" ? "330200" : "330100";

    public RosterBatch Tree()
    {
        var batch = new RosterBatch();
        batch.Regions.Add(new Region { Id = Province, Name = "浙江省", Level = RegionLevel.Province });
        batch.Regions.Add(new Region { Id = "330100", Name = "杭州市", Level = RegionLevel.City, ParentId = Province });
        batch.Regions.Add(new Region { Id = "330200", Name = "宁波市", Level = RegionLevel.City, ParentId = Province });
        foreach (var county in Counties)
        {
            batch.Regions.Add(new Region { Id = county, Name = $"区{county}", Level = RegionLevel.County, ParentId = CityOf(county) });
        }
        foreach (var school in Schools)
        {
            batch.Schools.Add(new School { Id = school, Name = $"学校{school}", CountyId = CountyOf(school) });
        }
        foreach (var (teacher, school) in SchoolOf)
        {
            batch.Teachers.Add(Teacher(teacher, school));
        }
        return batch;
    }

    /// <summary>Moves a random teacher to another school; the batch to send.</summary>
    public RosterBatch Move(Random random)
    {
        var teacher = SchoolOf.Keys.ElementAt(random.Next(SchoolOf.Count));
        SchoolOf[teacher] = Schools[random.Next(Schools.Length)];
        var batch = new RosterBatch();
        batch.Teachers.Add(Teacher(teacher, SchoolOf[teacher]));
        return batch;
    }

    /// <summary>A teaching session of a random teacher that happened at <paramref name="occurredAt"/>.</summary>
    public ActivityEvent Session(Random random, DateTimeOffset occurredAt) => new()
    {
        EventId = $"cp-{Interlocked.Increment(ref _nextEvent)}-{random.Next()}",
        TeacherId = SchoolOf.Keys.ElementAt(random.Next(SchoolOf.Count)),
        OccurredAt = Timestamp.FromDateTimeOffset(occurredAt),
        Client = ZhijiangLive.Contracts.V1.Client.Pc,
        TeachingSession = new TeachingSession { SessionId = $"session-{_nextEvent}", DurationSeconds = 2400 },
    };

    private static Teacher Teacher(string id, string school) => new() { Id = id, Name = $"老师{id}", SchoolId = school, Subject = "数学" };
}
