using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Contracts.V1;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Grpc;

/// <summary>
/// The kinds only the evaluation rubrics measure, over gRPC to a running silo: accepted, worth no points,
/// absent from the ledger, and a repeat of their ids answered as duplicates.
/// </summary>
public sealed class MeasuredEventsTests() : SeededSilo()
{
    private static ActivityEvent Measured(string id, Action<ActivityEvent> body)
    {
        var e = new ActivityEvent
        {
            EventId = id, TeacherId = "T2", OccurredAt = Timestamp.FromDateTimeOffset(RunningSilo.Now), Client = ZhijiangLive.Contracts.V1.Client.Mobile,
        };
        body(e);
        return e;
    }

    private static PublishRequest EachMeasuredKind() => Batch(
        Measured("m-published", e => e.ResourcePublished = new ResourcePublished { ResourceId = "r1", Kind = "micro_course", Original = true }),
        Measured("m-marked", e => e.HomeworkMarked = new HomeworkMarked { TaskId = "k1", StudentId = "学生1" }),
        Measured("m-followed", e => e.SpaceFollowed = new SpaceFollowed { UserId = "u1" }),
        Measured("m-following", e => e.SpaceFollowing = new SpaceFollowing { SpaceId = "space-9", Unfollowed = true }),
        Measured("m-visited", e => e.SpaceVisited = new SpaceVisited { VisitorId = "u2" }),
        Measured("m-review", e => e.ReviewReceived = new ReviewReceived { ReviewerId = "u3", Subject = "like", Positive = true }));

    [Fact]
    public async Task EachMeasuredKind_IsAccepted_WorthNothing_AndARepeatIsADuplicate()
    {
        using var client = Silo.PlatformClient();
        using var reader = Silo.QueryClient();

        var first = await client.PublishAsync(EachMeasuredKind());
        var again = await client.PublishAsync(EachMeasuredKind());
        await Silo.Cluster.FlushAsync();
        var teacher = await reader.GetTeacherAsync(new GetRequest { Id = "T2" });
        var ledger = await reader.ExplainTeacherAsync(new GetRequest { Id = "T2" });

        Assert.Empty(first.Rejections);
        Assert.Equal((6, 0), (first.Accepted, first.Duplicates));
        Assert.Empty(again.Rejections);
        Assert.Equal((0, 6), (again.Accepted, again.Duplicates));
        Assert.Equal((0L, 0L, 0L), (teacher.Day, teacher.Month, teacher.Year));
        Assert.Empty(ledger.Entries);
    }

    [Fact]
    public async Task MeasuredKind_WithAnEmptyId_IsRefusedAsMissingField()
    {
        using var client = Silo.PlatformClient();

        var reply = await client.PublishAsync(Batch(
            Measured("m-bad-visit", e => e.SpaceVisited = new SpaceVisited()),
            Measured("m-bad-review", e => e.ReviewReceived = new ReviewReceived { Subject = "space", Positive = true })));

        Assert.Equal(0, reply.Accepted);
        Assert.Equal(
            [(0, "MISSING_FIELD", "space_visited.visitor_id is required"), (1, "MISSING_FIELD", "review_received.reviewer_id is required")],
            reply.Rejections.Select(r => (r.Index, r.Reason, r.Detail)));
    }
}
