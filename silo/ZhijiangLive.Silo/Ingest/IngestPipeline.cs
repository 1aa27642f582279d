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
            throw Unavailable($"{sequencer.Unavailable ?? "the journal is unreachable"}; nothing of this batch was taken, send it again later");
        }
        var started = Stopwatch.GetTimestamp();
        var reply = new PublishReply();
        var claimed = new ClaimedEvents();
        var toScore = new List<IngestEvent>(request.Events.Count);
        var indexes = new List<int>(request.Events.Count);
        List<PendingCopy>? copies = null;
        for (var i = 0; i < request.Events.Count; i++)
        {
            var wire = request.Events[i];
            var activity = EventMapping.ToDomain(wire, out var invalid);
            if (invalid is not null)
            {
                reply.Rejections.Add(Rejection(i, activity.EventId, RejectionReason.InvalidField.ToCode(), invalid));
                continue;
            }
            var claim = ids.Claim(activity, claimed, toScore.Count);
            switch (claim.Kind)
            {
                case EventClaimKind.Stored:
                    reply.Duplicates++;
                    break;
                case EventClaimKind.Pending:
                    (copies ??= []).Add(new PendingCopy(i, activity.EventId, claim.Original!, claim.OriginalIndex));
                    break;
                default:
                    toScore.Add(new IngestEvent(activity, JournalPayloads.Event(wire)));
                    indexes.Add(i);
                    break;
            }
        }
        // A duplicate repeats an event that may still be on its way to the journal (a group in doubt being
        // appended again): its reply waits until that is durable.
        var repeated = reply.Duplicates > 0 ? sequencer.DurableBarrier() : Task.CompletedTask;
        var scoring = toScore.Count > 0 ? sequencer.PublishAsync(toScore) : null;
        return CompleteAsync(repeated, scoring, claimed, toScore, indexes, copies, reply, started, publisher);
    }

    private async Task<PublishReply> CompleteAsync(
        Task repeated, Task<PublishResult>? scoring, ClaimedEvents claimed, List<IngestEvent> scored, List<int> indexes,
        List<PendingCopy>? copies, PublishReply reply, long started, Publisher publisher)
    {
        try
        {
            if (scoring is not null)
            {
                Fill(reply, await scoring, claimed, scored, indexes);
            }
            else
            {
                claimed.Decide([]);
            }
            await repeated;
        }
        catch (NotDurableException error)
        {
            // Not taken: the ids are free again. In doubt: they stay claimed, as the events may yet be journaled.
            scored.ForEach(e => ids.Settle(e.Event, claimed, refused: !error.InDoubt));
            claimed.Fail(error);
            throw Unavailable(error.InDoubt
                ? $"{error.Message}; the batch will be journaled when the store returns: send it again, and what was taken is answered as duplicates"
                : $"{error.Message}; nothing of this batch was taken, send it again later");
        }
        catch (Exception error)
        {
            scored.ForEach(e => ids.Settle(e.Event, claimed, refused: false));
            claimed.Fail(error);
            throw;
        }
        if (copies is not null)
        {
            await AnswerCopiesAsync(reply, copies);
        }
        metrics.Acknowledged(Stopwatch.GetElapsedTime(started));
        metrics.Answered(publisher, reply.Accepted, reply.Duplicates, reply.Rejections.Select(r => r.Reason));
        rate.Add(reply.Accepted);
        if (reply.Rejections.Count > 1)
        {
            // Mapping failures and copies were listed out of turn; callers read rejections in batch order.
            var ordered = reply.Rejections.OrderBy(r => r.Index).ToList();
            reply.Rejections.Clear();
            reply.Rejections.AddRange(ordered);
        }
        return reply;
    }

    private void Fill(PublishReply reply, PublishResult result, ClaimedEvents claimed, List<IngestEvent> scored, List<int> indexes)
    {
        reply.Accepted = result.Accepted;
        var refusals = new EventRefusal?[scored.Count];
        foreach (var rejection in result.Rejections)
        {
            refusals[rejection.Index] = new EventRefusal(rejection.Code, rejection.Detail);
            reply.Rejections.Add(Rejection(indexes[rejection.Index], rejection.EventId, rejection.Code, rejection.Detail));
        }
        for (var i = 0; i < scored.Count; i++)
        {
            ids.Settle(scored[i].Event, claimed, refused: refusals[i] is not null);
        }
        claimed.Decide(refusals);
    }

    /// <summary>
    /// A copy of an event that was on its way when the copy came gets the original's answer: refused the same
    /// way, or a duplicate once the original is stored. Telling the platform "duplicate" for an event that was
    /// refused would tell it the event is kept when it is not.
    /// </summary>
    private static async Task AnswerCopiesAsync(PublishReply reply, List<PendingCopy> copies)
    {
        foreach (var copy in copies)
        {
            EventRefusal?[] fate;
            try
            {
                fate = await copy.Original.Fate;
            }
            catch (NotDurableException error)
            {
                throw Unavailable($"{error.Message}; an event this batch repeats is not yet journaled: send it again, and what was taken is answered as duplicates");
            }
            if (fate[copy.OriginalIndex] is { } refused)
            {
                reply.Rejections.Add(Rejection(copy.Index, copy.EventId, refused.Reason, refused.Detail));
            }
            else
            {
                reply.Duplicates++;
            }
        }
    }

    /// <summary>An event of this batch whose id another call (or this one) claimed and has not answered yet.</summary>
    private sealed record PendingCopy(int Index, string EventId, ClaimedEvents Original, int OriginalIndex);

    private static RpcException Unavailable(string message) => new(new Status(StatusCode.Unavailable, message));

    private static Rejection Rejection(int index, string eventId, string reason, string detail) =>
        new() { Index = index, EventId = eventId, Reason = reason, Detail = detail };
}
