using System.Threading.RateLimiting;

namespace ZhijiangLive.Silo.Security;

/// <summary>
/// A token bucket per principal name, so that one caller's flood is its own refusals and never another's
/// wait. The buckets fill in real time (System.Threading.RateLimiting reads the stopwatch and takes no
/// TimeProvider), which is right for a limit that protects the machine's capacity. Buckets of callers that
/// went quiet are dropped by the partitioned limiter itself.
/// </summary>
public sealed class PrincipalRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    /// <param name="perSecond">the sustained rate, in tokens a second</param>
    /// <param name="burst">the bucket's size: what may be taken at once after a quiet spell</param>
    /// <param name="refillsPerSecond">how often the bucket is topped up: more often is smoother for a waiting caller</param>
    public PrincipalRateLimiter(int perSecond, int burst, int refillsPerSecond)
    {
        var perRefill = Math.Max(1, perSecond / refillsPerSecond);
        var options = new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perRefill,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)perRefill / perSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _limiter = PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetTokenBucketLimiter(name, _ => options));
    }

    /// <summary>Takes <paramref name="tokens"/> from the principal's bucket, all or none; if none, how long until they may be there.</summary>
    public bool TryTake(string principalName, int tokens, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(principalName, tokens);
        retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.Zero;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
