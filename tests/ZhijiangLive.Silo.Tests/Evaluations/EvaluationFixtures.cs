using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Silo.Tests.Evaluations;

/// <summary>
/// Two counties of one city: 西湖区 (330106) with school S1 and twenty teachers T00…T19, 上城区 (330102) with
/// school S2 and T20…T22; and the events and requests the evaluation tests send.
/// </summary>
internal static class EvaluationFixtures
{
    public const string Rubric = "guizhou-2021";
    public const int Year = 2026;
    public const string Xihu = "330106";
    public const string Shangcheng = "330102";
    public static readonly string[] XihuTeachers = [.. Enumerable.Range(0, 20).Select(i => $"T{i:D2}")];
    public static readonly string[] ShangchengTeachers = ["T20", "T21", "T22"];

    public static RosterBatch Roster()
    {
        var batch = new RosterBatch();
        batch.Regions.Add(new Region { Id = "330000", Name = "浙江省", Level = RegionLevel.Province });
        batch.Regions.Add(new Region { Id = "330100", Name = "杭州市", Level = RegionLevel.City, ParentId = "330000" });
        batch.Regions.Add(new Region { Id = Xihu, Name = "西湖区", Level = RegionLevel.County, ParentId = "330100" });
        batch.Regions.Add(new Region { Id = Shangcheng, Name = "上城区", Level = RegionLevel.County, ParentId = "330100" });
        batch.Schools.Add(new School { Id = "S1", Name = "学军中学", CountyId = Xihu });
        batch.Schools.Add(new School { Id = "S2", Name = "杭州高级中学", CountyId = Shangcheng });
        batch.Teachers.AddRange(XihuTeachers.Select(t => new Teacher { Id = t, Name = $"老师{t}", SchoolId = "S1", Subject = "数学" }));
        batch.Teachers.AddRange(ShangchengTeachers.Select(t => new Teacher { Id = t, Name = $"老师{t}", SchoolId = "S2", Subject = "语文" }));
        return batch;
    }

    public static RegisterRequest Register(params string[] teachers) => Register(null, teachers);

    public static RegisterRequest Register(DateTimeOffset? from, params string[] teachers)
    {
        var request = new RegisterRequest();
        request.Candidates.AddRange(teachers.Select(t => new Candidate
        {
            RubricId = Rubric, Year = Year, TeacherId = t, From = from is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        }));
        return request;
    }

    public static ScoreExpertRequest Expert(string teacher, string item, double points) =>
        new() { Scores = { new ExpertScore { RubricId = Rubric, Year = Year, TeacherId = teacher, ItemId = item, Points = points } } };

    /// <summary>
    /// T00's year so far: a homework task set and two marked (作业管理 3), two home-school interactions
    /// (家校互动 2), twelve followers (关注度 1) and ten spaces followed (关注度 2 more). T01 has one interaction.
    /// </summary>
    public static PublishRequest Activity(DateTimeOffset at)
    {
        var request = new PublishRequest();
        var n = 0;
        ActivityEvent Next(string teacher, Action<ActivityEvent> body)
        {
            var e = new ActivityEvent { EventId = $"ev{n++}", TeacherId = teacher, OccurredAt = Timestamp.FromDateTimeOffset(at), Client = ZhijiangLive.Contracts.V1.Client.Pc };
            body(e);
            return e;
        }
        request.Events.Add(Next("T00", e => e.TaskPublished = new TaskPublished { TaskId = "hw1", Kind = "homework" }));
        request.Events.Add(Next("T00", e => e.HomeworkMarked = new HomeworkMarked { TaskId = "hw1", StudentId = "s1" }));
        request.Events.Add(Next("T00", e => e.HomeworkMarked = new HomeworkMarked { TaskId = "hw1", StudentId = "s2" }));
        for (var i = 0; i < 2; i++)
        {
            request.Events.Add(Next("T00", e => e.Interaction = new Interaction { CounterpartId = $"parent{i}", Kind = "home_school" }));
        }
        for (var i = 0; i < 12; i++)
        {
            request.Events.Add(Next("T00", e => e.SpaceFollowed = new SpaceFollowed { UserId = $"u{i}" }));
        }
        for (var i = 0; i < 10; i++)
        {
            request.Events.Add(Next("T00", e => e.SpaceFollowing = new SpaceFollowing { SpaceId = $"space{i}" }));
        }
        request.Events.Add(Next("T01", e => e.Interaction = new Interaction { CounterpartId = "parent9", Kind = "home_school" }));
        return request;
    }

    /// <summary>T00's expected points by item after <see cref="Activity"/> and 7.5 for its typical case.</summary>
    public static readonly Dictionary<string, double> T00Points = new()
    {
        ["homework"] = 3, ["home_school"] = 2, ["attention"] = 3, ["typical_case"] = 7.5,
    };
}
