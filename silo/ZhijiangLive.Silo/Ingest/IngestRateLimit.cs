using System.Globalization;
using Grpc.Core;
using ZhijiangLive.Silo.Metrics;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Ingest;

/// <summary>
/// A token bucket of events per platform key: a batch takes as many tokens as it carries events, all or
/// none, and one that does not fit is RESOURCE_EXHAUSTED with the limit and when to try again. Each key
/// has its own bucket (<see cref="PrincipalRateLimiter"/>), so one runaway client holds up no other.
/// </summary>
public sealed class IngestRateLimit(IngestLimitOptions options, IngestMetrics metrics) : IDisposable
{
    // About twenty refills a second: smooth enough that a waiting client is not held for a whole second.
    private readonly PrincipalRateLimiter? _buckets = options.IngestEventsPerSecondPerKey <= 0 ? null
        : new PrincipalRateLimiter(options.IngestEventsPerSecondPerKey, options.Burst, refillsPerSecond: 20);

    /// <summary>Takes <paramref name="events"/> tokens from the caller's bucket, or throws RESOURCE_EXHAUSTED taking none.</summary>
    public void Take(Principal caller, int events)
    {
        if (_buckets is null || events == 0)
        {
            return;
        }
        var rate = options.IngestEventsPerSecondPerKey;
        if (events > options.Burst)
        {
            metrics.Throttled(caller.Name, events);
            throw Exhausted($"a batch of {events} events is more than {caller.Name} may send at once ({options.Burst}, " +
                $"Zhijiang:Limits:IngestBurstEventsPerKey); nothing of it was taken: send smaller batches");
        }
        if (_buckets.TryTake(caller.Name, events, out var retryAfter))
        {
            return;
        }
        metrics.Throttled(caller.Name, events);
        var wait = retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromSeconds((double)events / rate);
        throw Exhausted($"{caller.Name} is over its ingest limit of {rate} events a second (bursts of {options.Burst}); " +
            $"nothing of this batch of {events} was taken: send it again in {wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
    }

    private static RpcException Exhausted(string reason) => new(new Status(StatusCode.ResourceExhausted, reason));

    public void Dispose() => _buckets?.Dispose();
}
