using System.Diagnostics;
using ZhijiangLive.Contracts.V1;
using Grpc.Core;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Scoring;
using ZhijiangLive.Silo.Durability;
using ZhijiangLive.Silo.Grpc;
using ZhijiangLive.Silo.Mapping;
using ZhijiangLive.Silo.Live;
using ZhijiangLive.Silo.Metrics;

namespace ZhijiangLive.Silo.Ingest;

/// <summary>
/// From a published batch to its reply: the batch limit, duplicates, then the sequencer (checks, journal,
/// scoring). Everything up to the hand-off to the sequencer happens before the first await, so batches
/// are accepted in the order they are published, also when a stream has several in flight.
/// </summary>
public sealed class IngestPipeline(IngestSequencer sequencer, EventIdWindow ids, GrpcServerOptions options, IngestMetrics metrics, EventRate rate)
{
    public Task<PublishReply> PublishAsync(PublishRequest request, Publisher publisher)
    {
        if (request.Events.Count > options.MaxBatchEvents)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"a batch may carry at most {options.MaxBatchEvents} events; this one carries {request.Events.Count}"));
        }
        if (sequencer.Closing)
        {
            throw Unavailable($"{IngestSequencer.ShuttingDown}; nothing of this batch was taken, send it again later");
        }
        if (!sequencer.Available)
        {
            throw Unavailable("the journal is unreachable; nothing of this batch was taken, send it again later");
        }
        var started = Stopwatch.GetTimestamp();
        var reply = new PublishReply();
        var toScore = new List<IngestEvent>(request.Events.Count);
        var indexes = new List<int>(request.Events.Count);
        for (var i = 0; i < request.Events.Count; i++)
        {
            var wire = request.Events[i];
            var activity = EventMapping.ToDomain(wire, out var invalid);
            if (invalid is not null)
            {
                reply.Rejections.Add(Rejection(i, activity.EventId, RejectionReason.InvalidField.ToCode(), invalid));
                continue;
            }
            if (!ids.TryClaim(activity))
            {
                reply.Duplicates++;
                continue;
            }
            toScore.Add(new IngestEvent(activity, JournalPayloads.Event(wire)));
            indexes.Add(i);
        }
        // A duplicate repeats an event that may still be on its way to the journal: its reply waits until that is durable.
        var repeated = reply.Duplicates > 0 ? sequencer.DurableBarrier() : Task.CompletedTask;
        var scoring = toScore.Count > 0 ? sequencer.PublishAsync(toScore) : null;
        return CompleteAsync(repeated, scoring, toScore, indexes, reply, started, publisher);
    }

    private async Task<PublishReply> CompleteAsync(
        Task repeated, Task<PublishResult>? scoring, List<IngestEvent> scored, List<int> indexes, PublishReply reply, long started, Publisher publisher)
    {
        try
        {
            if (scoring is not null)
            {
                Fill(reply, await scoring, scored, indexes);
            }
            await repeated;
        }
        catch (NotDurableException error)
        {
            if (!error.InDoubt)
            {
                scored.ForEach(e => ids.Forget(e.Event));
            }
            throw Unavailable(error.InDoubt
                ? $"{error.Message}; the batch will be journaled when the store returns: send it again, and what was taken is answered as duplicates"
                : $"{error.Message}; nothing of this batch was taken, send it again later");
        }
        metrics.Acknowledged(Stopwatch.GetElapsedTime(started));
        metrics.Answered(publisher, reply.Accepted, reply.Duplicates, reply.Rejections.Select(r => r.Reason));
        rate.Add(reply.Accepted);
        if (reply.Rejections.Count > 1)
        {
            // Mapping failures were listed first; callers read rejections in batch order.
            var ordered = reply.Rejections.OrderBy(r => r.Index).ToList();
            reply.Rejections.Clear();
            reply.Rejections.AddRange(ordered);
        }
        return reply;
    }

    private void Fill(PublishReply reply, PublishResult result, List<IngestEvent> scored, List<int> indexes)
    {
        reply.Accepted = result.Accepted;
        foreach (var rejection in result.Rejections)
        {
            ids.Forget(scored[rejection.Index].Event);
            reply.Rejections.Add(Rejection(indexes[rejection.Index], rejection.EventId, rejection.Code, rejection.Detail));
        }
    }

    private static RpcException Unavailable(string message) => new(new Status(StatusCode.Unavailable, message));

    private static Rejection Rejection(int index, string eventId, string reason, string detail) =>
        new() { Index = index, EventId = eventId, Reason = reason, Detail = detail };
}
