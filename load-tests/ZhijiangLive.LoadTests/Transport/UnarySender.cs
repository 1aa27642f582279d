using System.Diagnostics;
using ZhijiangLive.Client;
using ZhijiangLive.LoadTests.Traffic;

namespace ZhijiangLive.LoadTests.Transport;

/// <summary>
/// Unary <c>Publish</c>: per connection, <c>--in-flight</c> loops that each wait for the pace, send a batch and
/// wait for its reply; an unacknowledged batch is sent again with the same ids, with backoff, up to <c>--retries</c>.
/// </summary>
public static class UnarySender
{
    public static async Task RunAsync(SendContext context, CancellationToken stop)
    {
        var options = context.Options;
        var clients = Enumerable.Range(0, options.Connections).Select(_ => context.NewClient()).ToList();
        try
        {
            var loops = from c in Enumerable.Range(0, options.Connections)
                        from s in Enumerable.Range(0, options.InFlight)
                        select Task.Run(() => LoopAsync(context, clients[c], context.Source(c * options.InFlight + s), stop));
            await Task.WhenAll(loops);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static async Task LoopAsync(SendContext context, ZhijiangClient client, EventSource source, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await context.Pacer.WaitAsync(context.Options.Batch, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var batch = source.Next(context.Options.Batch, context.Pacer.Hour, context.ServerNow);
            context.Counters.Sending(batch.Request.Events.Count);
            await SendAsync(context, client, source, batch);
        }
    }

    private static async Task SendAsync(SendContext context, ZhijiangClient client, EventSource source, PlannedBatch batch)
    {
        var call = new ZhijiangCallOptions { Timeout = context.Options.CallTimeout };
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                var reply = await client.PublishAsync(batch.Request, call);
                source.Acknowledged(batch, ReplyCheck.Apply(batch, reply, Stopwatch.GetElapsedTime(start), context.Counters));
                return;
            }
            catch (Exception error)
            {
                var status = SendContext.StatusOf(error);
                context.Counters.NoReply(batch.Request.Events.Count);
                context.Counters.Error(status.StatusCode.ToString(), status.Detail);
                if (!SendContext.Retryable(status.StatusCode) || batch.Attempts >= context.Options.Retries)
                {
                    context.Counters.GaveUp(batch.Request.Events.Count);
                    return;
                }
                batch.Attempts++;
                context.Counters.Retrying();
                await Task.Delay(SendContext.Backoff(batch.Attempts));
            }
        }
    }
}
