using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using ZhijiangLive.Contracts.Wire;
using ZhijiangLive.Silo.Metrics;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Ingest;

/// <summary>
/// A token bucket of events per platform key: a batch takes as many tokens as it carries events, all or
/// none, and one that does not fit is RESOURCE_EXHAUSTED with the limit and when to try again. Each key
/// has its own bucket, so one runaway client holds up no other.
/// </summary>
/// <remarks>
/// The buckets fill in real time (System.Threading.RateLimiting reads the stopwatch and takes no
/// TimeProvider). That is the right clock here: the limit protects the machine's capacity, which is spent
/// in real seconds, while the silo's TimeProvider is the clock of business days that tests stand still.
/// </remarks>
public sealed class IngestRateLimit(IngestLimitOptions options, IngestMetrics metrics) : IDisposable
{
    // About twenty refills a second: smooth enough that a waiting client is not held for a whole second.
    private const int RefillsPerSecond = 20;
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _buckets = new(StringComparer.Ordinal);

    public bool Enabled => options.IngestEventsPerSecondPerKey > 0;

    /// <summary>Takes <paramref name="events"/> tokens from the caller's bucket, or throws RESOURCE_EXHAUSTED taking none.</summary>
    public void Take(Principal caller, int events)
    {
        if (!Enabled || events == 0)
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
        using var lease = _buckets.GetOrAdd(caller.Name, _ => NewBucket()).AttemptAcquire(events);
        if (lease.IsAcquired)
        {
            return;
        }
        metrics.Throttled(caller.Name, events);
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds((double)events / rate);
        throw Exhausted($"{caller.Name} is over its ingest limit of {rate} events a second (bursts of {options.Burst}); " +
            $"nothing of this batch of {events} was taken: send it again in {wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
    }

    private TokenBucketRateLimiter NewBucket()
    {
        var rate = options.IngestEventsPerSecondPerKey;
        var perRefill = Math.Max(1, rate / RefillsPerSecond);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = perRefill,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)perRefill / rate),
            AutoReplenishment = true,
            QueueLimit = 0,
        });
    }

    private static GrpcStatusException Exhausted(string reason) => new(GrpcStatusCode.ResourceExhausted, reason);

    public void Dispose()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.Dispose();
        }
    }
}
