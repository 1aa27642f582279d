using ZhijiangLive.LoadTests.Report;

namespace ZhijiangLive.LoadTests.Run;

/// <summary>
/// Reads the silo's <c>/metrics</c> every <see cref="Interval"/> while the traffic runs, for the snapshot rounds it
/// has written: a round costs the silo work that shows in the latencies, so the charts mark it.
/// </summary>
public sealed class SnapshotWatch : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private long _rounds = -1;

    public SnapshotWatch(Uri http, string? token) => _reading = ReadAsync(http, token, _stop.Token);

    /// <summary>The rounds counted at the last reading; null before the first one answered.</summary>
    public long? Rounds => Interlocked.Read(ref _rounds) is var n and >= 0 ? n : null;

    private async Task ReadAsync(Uri http, string? token, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                var (counters, _) = await ServerCounters.ReadAsync(http, token, stop);
                if (counters is not null) Interlocked.Exchange(ref _rounds, counters.SnapshotRounds);
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _reading;
        _stop.Dispose();
    }
}
