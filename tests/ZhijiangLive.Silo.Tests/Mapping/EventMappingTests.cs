using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Silo.Mapping;
using V1 = ZhijiangLive.Contracts.V1;
using Domain = ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Silo.Tests.Mapping;

/// <summary>The contract's bodies that only the evaluation rubrics measure, as the scoring engine's: every field carried over.</summary>
public sealed class EventMappingTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static V1.ActivityEvent Wire(Action<V1.ActivityEvent> body)
    {
        var e = new V1.ActivityEvent
        {
            EventId = "e1", TeacherId = "T1", OccurredAt = Timestamp.FromDateTimeOffset(At), Client = V1.Client.Mobile,
        };
        body(e);
        return e;
    }

    public static TheoryData<string, Domain.ActivityBody> Measured => new()
    {
        { "resource_published", new Domain.ResourcePublished("r1", "micro_course", Original: true) },
        { "resource_published, not original", new Domain.ResourcePublished("r2", "courseware", Original: false) },
        { "homework_marked", new Domain.HomeworkMarked("k1", "学生1") },
        { "space_followed", new Domain.SpaceFollowed("u1", Unfollowed: false) },
        { "space_followed, unfollowed", new Domain.SpaceFollowed("u1", Unfollowed: true) },
        { "space_following", new Domain.SpaceFollowing("space-2", Unfollowed: false) },
        { "space_following, unfollowed", new Domain.SpaceFollowing("space-2", Unfollowed: true) },
        { "space_visited", new Domain.SpaceVisited("u2") },
        { "review_received", new Domain.ReviewReceived("u3", "like", Positive: true) },
        { "review_received, not positive", new Domain.ReviewReceived("u4", "space", Positive: false) },
    };

    [Theory]
    [MemberData(nameof(Measured))]
    public void MeasuredBody_MapsToTheDomain(string name, Domain.ActivityBody expected)
    {
        var wire = Wire(e =>
        {
            switch (expected)
            {
                case Domain.ResourcePublished r:
                    e.ResourcePublished = new V1.ResourcePublished { ResourceId = r.ResourceId, Kind = r.Kind, Original = r.Original };
                    break;
                case Domain.HomeworkMarked h: e.HomeworkMarked = new V1.HomeworkMarked { TaskId = h.TaskId, StudentId = h.StudentId }; break;
                case Domain.SpaceFollowed f: e.SpaceFollowed = new V1.SpaceFollowed { UserId = f.UserId, Unfollowed = f.Unfollowed }; break;
                case Domain.SpaceFollowing f: e.SpaceFollowing = new V1.SpaceFollowing { SpaceId = f.SpaceId, Unfollowed = f.Unfollowed }; break;
                case Domain.SpaceVisited v: e.SpaceVisited = new V1.SpaceVisited { VisitorId = v.VisitorId }; break;
                case Domain.ReviewReceived r:
                    e.ReviewReceived = new V1.ReviewReceived { ReviewerId = r.ReviewerId, Subject = r.Subject, Positive = r.Positive };
                    break;
                default: throw new ArgumentException(name);
            }
        });

        var mapped = EventMapping.ToDomain(wire, out var invalid);

        Assert.Null(invalid);
        Assert.Equal(new Domain.ActivityEvent("e1", "T1", At, Domain.ClientKind.Mobile, expected), mapped);
    }

    [Fact]
    public void MeasuredBodies_WithNothingSet_MapToEmptyFields_ForTheValidatorToRefuse()
    {
        Domain.ActivityBody[] mapped =
        [
            EventMapping.ToDomain(Wire(e => e.ResourcePublished = new()), out _).Body,
            EventMapping.ToDomain(Wire(e => e.HomeworkMarked = new()), out _).Body,
            EventMapping.ToDomain(Wire(e => e.SpaceFollowed = new()), out _).Body,
            EventMapping.ToDomain(Wire(e => e.SpaceFollowing = new()), out _).Body,
            EventMapping.ToDomain(Wire(e => e.SpaceVisited = new()), out _).Body,
            EventMapping.ToDomain(Wire(e => e.ReviewReceived = new()), out _).Body,
        ];

        Assert.Equal(
        [
            new Domain.ResourcePublished("", "", false), new Domain.HomeworkMarked("", ""), new Domain.SpaceFollowed("", false),
            new Domain.SpaceFollowing("", false), new Domain.SpaceVisited(""), new Domain.ReviewReceived("", "", false),
        ], mapped);
    }
}
