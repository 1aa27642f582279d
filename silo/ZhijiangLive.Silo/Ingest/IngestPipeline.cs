using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Contracts.Wire;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Scoring;
using ZhijiangLive.Silo.Grpc;
using ZhijiangLive.Silo.Mapping;
using Domain = ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Silo.Ingest;

/// <summary>
/// From a published batch to its reply: the batch limit, duplicates, then the cluster's checks and scoring.
/// Everything up to the hand-off to the batcher happens before the first await, so batches are accepted
/// in the order they are published, also when a stream has several in flight.
/// </summary>
public sealed class IngestPipeline(IngestBatcher batcher, EventIdWindow ids, GrpcServerOptions options)
{
    public Task<PublishReply> PublishAsync(PublishRequest request)
    {
        if (request.Events.Count > options.MaxBatchEvents)
        {
            throw new GrpcStatusException(GrpcStatusCode.InvalidArgument,
                $"a batch may carry at most {options.MaxBatchEvents} events; this one carries {request.Events.Count}");
        }
        var reply = new PublishReply();
        var toScore = new List<Domain.ActivityEvent>(request.Events.Count);
        var indexes = new List<int>(request.Events.Count);
        for (var i = 0; i < request.Events.Count; i++)
        {
            var activity = EventMapping.ToDomain(request.Events[i], out var invalid);
            if (invalid is not null)
            {
                reply.Rejections.Add(Rejection(i, activity.EventId, RejectionReason.InvalidField.ToCode(), invalid));
                continue;
            }
            if (Claimable(activity) && !ids.TryClaim(activity.EventId, activity.OccurredAt))
            {
                reply.Duplicates++;
                continue;
            }
            toScore.Add(activity);
            indexes.Add(i);
        }
        if (toScore.Count == 0)
        {
            return Task.FromResult(reply);
        }
        return CompleteAsync(batcher.PublishAsync(toScore), toScore, indexes, reply);
    }

    private async Task<PublishReply> CompleteAsync(
        Task<PublishResult> scoring, List<Domain.ActivityEvent> scored, List<int> indexes, PublishReply reply)
    {
        var result = await scoring;
        reply.Accepted = result.Accepted;
        foreach (var rejection in result.Rejections)
        {
            var activity = scored[rejection.Index];
            if (Claimable(activity))
            {
                ids.Release(activity.EventId, activity.OccurredAt);
            }
            reply.Rejections.Add(Rejection(indexes[rejection.Index], rejection.EventId, rejection.Code, rejection.Detail));
        }
        if (reply.Rejections.Count > 1)
        {
            // Mapping failures were listed first; callers read rejections in batch order.
            var ordered = reply.Rejections.OrderBy(r => r.Index).ToList();
            reply.Rejections.Clear();
            reply.Rejections.AddRange(ordered);
        }
        return reply;
    }

    /// <summary>An event without an id or a time is refused as MISSING_FIELD; it has nothing to remember.</summary>
    private static bool Claimable(Domain.ActivityEvent activity) => activity.EventId.Length > 0 && activity.OccurredAt != default;

    private static Rejection Rejection(int index, string eventId, string reason, string detail) =>
        new() { Index = index, EventId = eventId, Reason = reason, Detail = detail };
}
