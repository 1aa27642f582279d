using System.Collections.Concurrent;
using System.Diagnostics;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.LoadTests.Measure;

namespace ZhijiangLive.Bench.Grpc;

/// <summary>
/// Publishers on PublishStream: each of <c>streams</c> calls keeps a window of <c>inFlight</c> unanswered
/// batches, like a publisher that retries what is unacknowledged (without the window, the latency
/// measured would be the length of a client-side queue). Requests come from <c>next</c> until it gives
/// null; a reply counts when <c>counts</c> accepts the Stopwatch timestamp it arrived at.
/// </summary>
internal sealed class PublishStreamLoad(ZhijiangClient client, int streams, int inFlight)
{
    private long _accepted;
    private long _batches;

    public LatencyHistogram Latencies { get; } = new();

    /// <summary>Events accepted by the replies that counted.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    public long Batches => Interlocked.Read(ref _batches);

    public Task RunAsync(Func<PublishRequest?> next, Func<long, bool>? counts = null) =>
        Task.WhenAll(Enumerable.Range(0, streams).Select(_ => Task.Run(() => PublishAsync(next, counts ?? (_ => true)))));

    private async Task PublishAsync(Func<PublishRequest?> next, Func<long, bool> counts)
    {
        await using var call = client.OpenPublishStream();
        var sentAt = new ConcurrentQueue<long>();
        using var window = new SemaphoreSlim(inFlight);
        var reader = Task.Run(async () =>
        {
            await foreach (var reply in call.ReadAllAsync())
            {
                var now = Stopwatch.GetTimestamp();
                sentAt.TryDequeue(out var start);
                if (counts(now))
                {
                    Latencies.Record(Stopwatch.GetElapsedTime(start, now));
                    Interlocked.Add(ref _accepted, reply.Accepted);
                    Interlocked.Increment(ref _batches);
                }
                window.Release();
            }
        });
        while (next() is { } request)
        {
            await window.WaitAsync();
            sentAt.Enqueue(Stopwatch.GetTimestamp());
            await call.WriteAsync(request);
        }
        await call.CompleteAsync();
        await reader;
    }
}
