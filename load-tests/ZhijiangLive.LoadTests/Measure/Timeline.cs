namespace ZhijiangLive.LoadTests.Measure;

/// <summary>One second of the run: rates, the pace wanted, and the latencies of the acknowledgements and pushes in it.</summary>
public sealed record Sample(double Second, double SentPerSecond, double AcceptedPerSecond, double WantedPerSecond,
    double AckP50, double AckP99, double PushP50, double PushMax, double SimulatedHour);

/// <summary>
/// Once a second: takes the interval's histograms, folds them into the run's totals, keeps a <see cref="Sample"/>
/// for the charts and shows the progress line.
/// </summary>
public sealed class Timeline(RunCounters counters, Func<LatencyHistogram?> pushInterval, StatusLine status)
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
        status.Show(Line(sample));
    }

    private string Line(Sample s)
    {
        var rejected = string.Join(" ", counters.RejectedByReason.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value:N0}"));
        var errors = counters.ErrorsByStatus.IsEmpty ? "" : " errors " + string.Join(" ", counters.ErrorsByStatus.Select(p => $"{p.Key}={p.Value}"));
        var push = Push.Count > 0 ? $" push p50 {Push.PercentileMilliseconds(0.5):0} p99 {Push.PercentileMilliseconds(0.99):0} ms" : "";
        return $"[{s.Second,4:0}s {Hour(s.SimulatedHour)}] sent {counters.Sent:N0} acc {counters.Accepted:N0} dup {counters.Duplicates:N0} " +
               $"rej {rejected} | {s.AcceptedPerSecond:N0} ev/s | ack p50 {Ack.PercentileMilliseconds(0.5):0.0} p90 {Ack.PercentileMilliseconds(0.9):0.0} " +
               $"p99 {Ack.PercentileMilliseconds(0.99):0.0} p999 {Ack.PercentileMilliseconds(0.999):0.0} ms{push}{errors}";
    }

    public static string Hour(double hour) => $"{(int)hour:00}:{(int)(hour % 1 * 60):00}";
}
