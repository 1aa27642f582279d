using System.Threading.RateLimiting;

namespace ZhijiangLive.Silo.Api;

/// <summary>
/// A token bucket per principal name: one bureau's flood is its own 429s, never another's wait. Buckets of
/// principals that went quiet are dropped by the partitioned limiter itself.
/// </summary>
public sealed class ApiRateLimiter(ApiLimitOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter = options.ApiRequestsPerSecondPerToken <= 0 ? null
        : PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetTokenBucketLimiter(name, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(options.ApiBurstPerToken, options.ApiRequestsPerSecondPerToken),
            TokensPerPeriod = options.ApiRequestsPerSecondPerToken,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Whether <paramref name="principalName"/> may make a request now; if not, how long until it may.</summary>
    public bool TryAcquire(string principalName, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (_limiter is null)
        {
            return true;
        }
        using var lease = _limiter.AttemptAcquire(principalName);
        if (lease.IsAcquired)
        {
            return true;
        }
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        return false;
    }

    public void Dispose() => _limiter?.Dispose();
}
