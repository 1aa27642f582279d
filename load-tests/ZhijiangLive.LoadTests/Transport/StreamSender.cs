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
            if (unanswered.Count == 0) return;
            failures++;
            foreach (var batch in unanswered)
            {
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

    /// <summary>One stream until the run stops (empty result) or the stream fails (the requests it left unanswered).</summary>
    private static async Task<List<PlannedBatch>> SessionAsync(SendContext context, ZhijiangClient client, EventSource source, Queue<PlannedBatch> resend, CancellationToken stop)
    {
        var pending = new ConcurrentQueue<(PlannedBatch Batch, long Start)>();
        using var slots = new SemaphoreSlim(context.Options.InFlight);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(stop);
        await using var call = client.OpenPublishStream();
        var reading = Task.Run(() => ReadAsync(context, call, source, pending, slots, failed));
        try
        {
            while (!failed.IsCancellationRequested)
            {
                // A slot first, then the pace, then the batch: a stop while waiting leaves no batch built and unsent.
                await slots.WaitAsync(failed.Token);
                if (!resend.TryDequeue(out var batch))
                {
                    await context.Pacer.WaitAsync(context.Options.Batch, failed.Token);
                    batch = source.Next(context.Options.Batch, context.Pacer.Hour, context.ServerNow);
                    context.Counters.Sending(batch.Request.Events.Count);
                }
                pending.Enqueue((batch, Stopwatch.GetTimestamp()));
                await call.WriteAsync(batch.Request, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            context.Counters.Error(SendContext.StatusOf(error).Code.ToString());
            failed.Cancel();
        }
        await call.CompleteAsync();
        var readError = await reading;
        if (readError is null && pending.IsEmpty) return [];
        if (readError is not null) context.Counters.Error(SendContext.StatusOf(readError).Code.ToString());
        return pending.Select(p => p.Batch).ToList();
    }

    private static async Task<Exception?> ReadAsync(SendContext context, DuplexCall<PublishRequest, PublishReply> call, EventSource source,
        ConcurrentQueue<(PlannedBatch Batch, long Start)> pending, SemaphoreSlim slots, CancellationTokenSource failed)
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
            failed.Cancel();
            return error;
        }
    }
}
