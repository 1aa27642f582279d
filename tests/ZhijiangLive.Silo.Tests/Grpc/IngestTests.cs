using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Contracts.V1;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using ZhijiangLive.Silo.Ingest;
using ZhijiangLive.Silo.Metrics;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Grpc;

/// <summary>Ingest over gRPC: per-event rejections, the batch limit, duplicates across calls and streams (and copies of refused events), stream order.</summary>
public sealed class IngestTests() : SeededSilo("--Zhijiang:Grpc:MaxBatchEvents=5")
{
    [Fact]
    public async Task Publish_RefusesEachBadEventWithItsReason_AndAcceptsTheRest()
    {
        var badTimestamp = Login("e-ts");
        badTimestamp.OccurredAt = new Timestamp { Seconds = Timestamp.FromDateTimeOffset(RunningSilo.Now).Seconds, Nanos = -1 };
        var noBody = Login("e-nobody");
        noBody.ClearBody();
        var unknownApp = Login("e-app");
        unknownApp.AppUsage = new AppUsage { AppId = "no-such-app" };

        var reply = await PublishAsync(Batch(
            Login("e-ok"), Login("e-who", teacher: "T-unknown"), Login("e-locked", teacher: "TL"),
            Login("e-late", offset: TimeSpan.FromHours(-73)), badTimestamp));
        var second = await PublishAsync(Batch(noBody, unknownApp));

        Assert.Equal(1, reply.Accepted);
        Assert.Equal(
            [(1, "e-who", "UNKNOWN_TEACHER"), (2, "e-locked", "TEACHER_LOCKED"), (3, "e-late", "OUT_OF_WINDOW"), (4, "e-ts", "INVALID_FIELD")],
            reply.Rejections.Select(r => (r.Index, r.EventId, r.Reason)));
        Assert.All(reply.Rejections, r => Assert.NotEmpty(r.Detail));
        Assert.Equal([(0, "MISSING_FIELD"), (1, "UNKNOWN_APP")], second.Rejections.Select(r => (r.Index, r.Reason)));
    }

    [Fact]
    public async Task Publish_MoreEventsThanTheLimit_IsInvalidArgument_AndAcceptsNothing()
    {
        var events = Enumerable.Range(0, 6).Select(i => Login($"e-limit-{i}", teacher: "T2")).ToArray();

        var reply = await Grpc.SendAsync(Publish, RawGrpc.Frame(Batch(events)));

        Assert.Equal(StatusCode.InvalidArgument, reply.Status);
        Assert.Contains("5", reply.Message);
        Assert.Equal(0, (await Silo.Cluster.GetTeacherAsync("T2"))!.Scores.Day.Points);
    }

    [Fact]
    public async Task RepeatedEventId_IsCountedOnce_AcrossBatchesAndStreams()
    {
        var first = await PublishAsync(Batch(Teaching("e-d1", "s1"), Teaching("e-d2", "s2")));
        var again = await PublishAsync(Batch(Teaching("e-d1", "s1"), Teaching("e-d3", "s3")));
        var stream = await Grpc.SendAsync(PublishStream, RawGrpc.Frame(Batch(Teaching("e-d2", "s2"), Teaching("e-d2", "s2"))));
        await Silo.Cluster.FlushAsync();

        Assert.Equal((2, 0), (first.Accepted, first.Duplicates));
        Assert.Equal((1, 1), (again.Accepted, again.Duplicates));
        var streamed = Assert.Single(stream.Messages(PublishReply.Parser));
        Assert.Equal((0, 2), (streamed.Accepted, streamed.Duplicates));
        Assert.Equal(10, (await Silo.Cluster.GetTeacherAsync("T1"))!.Scores.Day.ByRule["teaching"]);
    }

    [Fact]
    public async Task RefusedEvent_IsNotRemembered_SoACorrectedRetryIsAccepted()
    {
        var refused = await PublishAsync(Batch(Login("e-retry", teacher: "T-new")));
        await Silo.Cluster.UpsertRosterAsync(new(
            [], [], [new ZhijiangLive.Grains.Roster.TeacherEntry("T-new", "新老师", "S1", "体育", false)]));

        var retried = await PublishAsync(Batch(Login("e-retry", teacher: "T-new")));

        Assert.Equal("UNKNOWN_TEACHER", Assert.Single(refused.Rejections).Reason);
        Assert.Equal((1, 0), (retried.Accepted, retried.Duplicates));
    }

    [Fact]
    public async Task CopyOfARefusedEvent_InTheSameBatch_IsRefusedTheSameWay_NotADuplicate()
    {
        var reply = await PublishAsync(Batch(Login("e-lk", teacher: "TL"), Login("e-ok2"), Login("e-lk", teacher: "TL")));

        Assert.Equal((1, 0), (reply.Accepted, reply.Duplicates));
        Assert.Equal([(0, "e-lk", "TEACHER_LOCKED"), (2, "e-lk", "TEACHER_LOCKED")], reply.Rejections.Select(r => (r.Index, r.EventId, r.Reason)));
        Assert.Equal(reply.Rejections[0].Detail, reply.Rejections[1].Detail);
    }

    [Fact]
    public async Task CopyOfARefusedEvent_InABatchTakenWhileTheFirstWasOnItsWay_IsRefusedTheSameWay()
    {
        var ingest = Silo.Services.GetRequiredService<IngestPipeline>();
        var publisher = new Publisher("test", "test");

        // Both batches are claimed before the first is journaled and scored: the second's copy waits for it.
        var first = ingest.PublishAsync(Batch(Login("e-lk-x", teacher: "TL")), publisher);
        var second = ingest.PublishAsync(Batch(Login("e-ok-x"), Login("e-lk-x", teacher: "TL")), publisher);
        var (one, two) = (await first, await second);

        Assert.Equal("TEACHER_LOCKED", Assert.Single(one.Rejections).Reason);
        Assert.Equal((1, 0), (two.Accepted, two.Duplicates));
        Assert.Equal((1, "e-lk-x", "TEACHER_LOCKED"), two.Rejections.Select(r => (r.Index, r.EventId, r.Reason)).Single());
    }

    [Fact]
    public async Task CopyOfAnAcceptedEvent_TakenWhileTheFirstWasOnItsWay_IsADuplicate()
    {
        var ingest = Silo.Services.GetRequiredService<IngestPipeline>();
        var publisher = new Publisher("test", "test");

        var first = ingest.PublishAsync(Batch(Teaching("e-pend", "s9")), publisher);
        var second = ingest.PublishAsync(Batch(Teaching("e-pend", "s9")), publisher);
        var (one, two) = (await first, await second);

        Assert.Equal((1, 0), (one.Accepted, one.Duplicates));
        Assert.Equal((0, 1), (two.Accepted, two.Duplicates));
        Assert.Empty(two.Rejections);
    }

    [Fact]
    public async Task PublishStream_AnswersEveryRequestInOrder()
    {
        var body = Enumerable.Range(0, 40)
            .SelectMany(i => RawGrpc.Frame(Batch(Enumerable.Range(0, i % 4).Select(j => Login($"e-s{i}-{j}", teacher: "T2")).ToArray())))
            .ToArray();

        var reply = await Grpc.SendAsync(PublishStream, body);

        Assert.Equal(StatusCode.OK, reply.Status);
        var replies = reply.Messages(PublishReply.Parser);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => i % 4), replies.Select(r => r.Accepted + r.Duplicates));
    }

    [Fact]
    public async Task PublishStream_BatchOverTheLimit_EndsTheStreamAfterTheRepliesBeforeIt()
    {
        var body = RawGrpc.Frame(Batch(Login("e-ok-1", teacher: "T2")))
            .Concat(RawGrpc.Frame(Batch(Enumerable.Range(0, 6).Select(i => Login($"e-big-{i}", teacher: "T2")).ToArray())))
            .Concat(RawGrpc.Frame(Batch(Login("e-after", teacher: "T2"))))
            .ToArray();

        var reply = await Grpc.SendAsync(PublishStream, body);

        Assert.Equal(StatusCode.InvalidArgument, reply.Status);
        Assert.Equal(1, Assert.Single(reply.Messages(PublishReply.Parser)).Accepted);
    }

    private async Task<PublishReply> PublishAsync(PublishRequest request)
    {
        var reply = await Grpc.SendAsync(Publish, RawGrpc.Frame(request));
        Assert.Equal(StatusCode.OK, reply.Status);
        return Assert.Single(reply.Messages(PublishReply.Parser));
    }
}
