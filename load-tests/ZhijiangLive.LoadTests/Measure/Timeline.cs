namespace ZhijiangLive.LoadTests.Measure;

/// <summary>One second of the run: rates, the pace wanted, and the latencies of the acknowledgements and pushes in it.</summary>
public sealed record Sample(double Second, double SentPerSecond, double AcceptedPerSecond, double WantedPerSecond,
    double AckP50, double AckP99, double PushP50, double PushMax, double SimulatedHour);

/// <summary>
/// Once a second: takes the interval's histograms, folds them into the run's totals, keeps a <see cref="Sample"/>
/// for the charts and shows the progress.
/// </summary>
public sealed class Timeline(RunCounters counters, Func<LatencyHistogram?> pushInterval, ProgressView progress)
{
    private long _lastSent, _lastAccepted;
    private double _lastSecond;

    public List<Sample> Samples { get; } = [];
    public LatencyHistogram Ack { get; } = new();
    public LatencyHistogram Push { get; } = new();

    public void Tick(double second, double wanted, double hour)
    {
        var ack = counters.TakeInterval();
        var push = pushInterval();
        Ack.Add(ack);
        if (push is not null) Push.Add(push);
        var span = Math.Max(1e-3, second - _lastSecond);
        var sent = counters.Sent;
        var accepted = counters.Accepted;
        var sample = new Sample(second, (sent - _lastSent) / span, (accepted - _lastAccepted) / span, wanted,
            ack.Count > 0 ? ack.PercentileMilliseconds(0.5) : double.NaN, ack.Count > 0 ? ack.PercentileMilliseconds(0.99) : double.NaN,
            push is { Count: > 0 } ? push.PercentileMilliseconds(0.5) : double.NaN,
            push is { Count: > 0 } ? push.MaxMicroseconds / 1000.0 : double.NaN, hour);
        (_lastSent, _lastAccepted, _lastSecond) = (sent, accepted, second);
        Samples.Add(sample);
        progress.Second(Figures(sample));
    }

    private RunFigures Figures(Sample s) => new(
        s.Second, s.SimulatedHour, counters.Sent, counters.Accepted, counters.Duplicates,
        counters.RejectedByReason.OrderBy(p => p.Key).ToList(), s.AcceptedPerSecond,
        Ack.PercentileMilliseconds(0.5), Ack.PercentileMilliseconds(0.9), Ack.PercentileMilliseconds(0.99), Ack.PercentileMilliseconds(0.999),
        Push.Count > 0 ? Push.PercentileMilliseconds(0.5) : null, Push.Count > 0 ? Push.PercentileMilliseconds(0.99) : null,
        counters.ErrorsByStatus.OrderBy(p => p.Key).ToList());

    public static string Hour(double hour) => $"{(int)hour:00}:{(int)(hour % 1 * 60):00}";
}
