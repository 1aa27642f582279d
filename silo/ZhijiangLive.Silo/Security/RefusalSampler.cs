namespace ZhijiangLive.Silo.Security;

/// <summary>
/// Lets through the first <see cref="PerSecond"/> refusals of each second and counts the rest, so that a
/// flood of bad credentials costs a bounded amount of log; the count is reported once its second is over.
/// </summary>
public sealed class RefusalSampler(TimeProvider clock, Action<long> reportSuppressed) : IDisposable
{
    public const int PerSecond = 20;
    private readonly Lock _gate = new();
    private long _window = long.MinValue;
    private int _logged;
    private long _suppressed;
    private ITimer? _report;

    /// <summary>Whether this refusal is to be logged; when not, it is counted for the second's report.</summary>
    public bool Admit()
    {
        var now = clock.GetUtcNow();
        var second = now.ToUnixTimeSeconds();
        lock (_gate)
        {
            if (second != _window)
            {
                _window = second;
                _logged = 0;
            }
            if (_logged < PerSecond)
            {
                _logged++;
                return true;
            }
            if (_suppressed++ == 0)
            {
                var untilNextSecond = DateTimeOffset.FromUnixTimeSeconds(second + 1) - now;
                _report = clock.CreateTimer(_ => Report(), null, untilNextSecond, Timeout.InfiniteTimeSpan);
            }
            return false;
        }
    }

    /// <summary>Reports the refusals counted and not logged so far (at the end of their second, or at once).</summary>
    public void Report()
    {
        long suppressed;
        lock (_gate)
        {
            (suppressed, _suppressed) = (_suppressed, 0);
            _report?.Dispose();
            _report = null;
        }
        if (suppressed > 0)
        {
            reportSuppressed(suppressed);
        }
    }

    public void Dispose() => Report();
}
