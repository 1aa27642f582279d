using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Api;

/// <summary>The JSON API's requests a second per principal name, topped up once a second (<see cref="PrincipalRateLimiter"/>).</summary>
public sealed class ApiRateLimiter(ApiLimitOptions options) : IDisposable
{
    private readonly PrincipalRateLimiter? _limiter = options.ApiRequestsPerSecondPerToken <= 0 ? null
        : new PrincipalRateLimiter(options.ApiRequestsPerSecondPerToken,
            Math.Max(options.ApiBurstPerToken, options.ApiRequestsPerSecondPerToken), refillsPerSecond: 1);

    /// <summary>Whether <paramref name="principalName"/> may make a request now; if not, how long until it may.</summary>
    public bool TryAcquire(string principalName, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (_limiter is null || _limiter.TryTake(principalName, 1, out retryAfter))
        {
            return true;
        }
        if (retryAfter == TimeSpan.Zero)
        {
            retryAfter = TimeSpan.FromSeconds(1);
        }
        return false;
    }

    public void Dispose() => _limiter?.Dispose();
}
