using System.Collections.Concurrent;
using System.Diagnostics;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.LoadTests.Traffic;

namespace ZhijiangLive.LoadTests.Transport;

/// <summary>
/// <c>PublishStream</c>: one stream per connection with up to <c>--in-flight</c> requests awaiting their replies
/// (replies come in order). When a stream fails, every request it had not answered is sent again, same ids, first
/// on a new stream after a backoff; a request that has used up <c>--retries</c> is given up and counted.
/// </summary>
public static class StreamSender
{
    public static Task RunAsync(SendContext context, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, context.Options.Connections).Select(c => Task.Run(() => ConnectionAsync(context, c, stop))));

    private static async Task ConnectionAsync(SendContext context, int index, CancellationToken stop)
    {
        using var client = context.NewClient();
        var source = context.Source(index);
        var resend = new Queue<PlannedBatch>();
        var failures = 0;
        while (!stop.IsCancellationRequested || resend.Count > 0)
        {
            var unanswered = await SessionAsync(context, client, source, resend, stop);
            if (unanswered is null) return;
            failures = unanswered.Count == 0 ? 0 : failures + 1;
            foreach (var batch in unanswered)
            {
                context.Counters.NoReply(batch.Request.Events.Count);
                if (batch.Attempts++ >= context.Options.Retries) context.Counters.GaveUp(batch.Request.Events.Count);
                else
                {
                    context.Counters.Retrying();
                    resend.Enqueue(batch);
                }
            }
            await Task.Delay(SendContext.Backoff(failures));
        }
    }

    /// <summary>One stream until the run stops (null) or the stream ends early (the requests it left unanswered).</summary>
    private static async Task<List<PlannedBatch>?> SessionAsync(SendContext context, ZhijiangClient client, EventSource source, Queue<PlannedBatch> resend, CancellationToken stop)
    {
        var pending = new ConcurrentQueue<(PlannedBatch Batch, long Start)>();
        using var slots = new SemaphoreSlim(context.Options.InFlight);
        using var broken = new CancellationTokenSource();
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, broken.Token);
        await using var call = client.OpenPublishStream();
        var reading = Task.Run(() => ReadAsync(context, call, source, pending, slots, broken));
        try
        {
            while (!broken.IsCancellationRequested)
            {
                // A slot first, then the pace, then the batch: a stop while waiting leaves no batch built and unsent.
                // Resends go first and still go after the stop: they were sent once and are owed an answer.
                PlannedBatch batch;
                if (resend.Count > 0)
                {
                    await slots.WaitAsync(broken.Token);
                    batch = resend.Dequeue();
                }
                else
                {
                    if (stop.IsCancellationRequested) break;
                    await slots.WaitAsync(either.Token);
                    await context.Pacer.WaitAsync(context.Options.Batch, either.Token);
                    batch = source.Next(context.Options.Batch, context.Pacer.Hour, context.ServerNow);
                    context.Counters.Sending(batch.Request.Events.Count);
                }
                pending.Enqueue((batch, Stopwatch.GetTimestamp()));
                await call.WriteAsync(batch.Request, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (either.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            var failure = SendContext.StatusOf(error);
            context.Counters.Error(failure.StatusCode.ToString(), failure.Detail);
            broken.Cancel();
        }
        await call.CompleteAsync();
        var readError = await reading;
        if (readError is null && pending.IsEmpty && stop.IsCancellationRequested) return null;
        if (readError is not null)
        {
            // A server may end a stream that carried nothing for a while (Kestrel's minimum request body rate):
            // with nothing owed, that is a reopen, not a failure.
            var failure = SendContext.StatusOf(readError);
            var idle = pending.IsEmpty ? " (idle stream)" : "";
            context.Counters.Error(failure.StatusCode + idle, failure.Detail);
        }
        return pending.Select(p => p.Batch).ToList();
    }

    private static async Task<Exception?> ReadAsync(SendContext context, DuplexCall<PublishRequest, PublishReply> call, EventSource source,
        ConcurrentQueue<(PlannedBatch Batch, long Start)> pending, SemaphoreSlim slots, CancellationTokenSource broken)
    {
        try
        {
            while (await call.ReadAsync() is { } reply)
            {
                if (!pending.TryDequeue(out var sent)) throw new InvalidOperationException("a reply to no request");
                var latency = Stopwatch.GetElapsedTime(sent.Start);
                source.Acknowledged(sent.Batch, ReplyCheck.Apply(sent.Batch, reply, latency, context.Counters));
                slots.Release();
            }
            return null;
        }
        catch (Exception error)
        {
            broken.Cancel();
            return error;
        }
    }
}
