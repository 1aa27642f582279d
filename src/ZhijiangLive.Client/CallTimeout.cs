using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client;

/// <summary>How long a call may take: the earliest of its timeout, its deadline and the client's default.</summary>
internal static class CallTimeout
{
    /// <summary>The time left, or null for a call without a deadline.</summary>
    /// <exception cref="GrpcStatusException">DEADLINE_EXCEEDED when the deadline has already passed.</exception>
    public static TimeSpan? Resolve(CallOptions? options, TimeSpan? defaultTimeout, TimeProvider time)
    {
        var timeout = options?.Timeout;
        if (options?.Deadline is { } deadline)
        {
            var left = deadline - time.GetUtcNow();
            timeout = timeout is { } given && given < left ? given : left;
        }
        timeout ??= defaultTimeout;
        if (timeout <= TimeSpan.Zero)
        {
            throw new GrpcStatusException(GrpcStatusCode.DeadlineExceeded, "the deadline passed before the call started");
        }
        return timeout;
    }
}
