namespace ZhijiangLive.LoadTests.Measure;

/// <summary>One second of the run: rates, the pace wanted, the latencies of the acknowledgements and pushes in it, and its errors.</summary>
public sealed record Sample(double Second, double SentPerSecond, double AcceptedPerSecond, double WantedPerSecond,
    double AckP50, double AckP99, double PushP50, double PushMax, double SimulatedHour, long Errors);

/// <summary>
/// Once a second: takes the interval's histograms, folds them into the run's totals, keeps a <see cref="Sample"/>
/// for the charts, notes where errors began (<see cref="Markers"/>) and where the silo wrote snapshot rounds
/// (<see cref="Snapshots"/>, from the rounds the silo reports so far, when it is asked), and shows the progress.
/// </summary>
public sealed class Timeline(RunCounters counters, Func<LatencyHistogram?> pushInterval, ProgressView progress, Func<long?>? snapshotRounds = null)
{
    private long? _roundsBefore;
    private long _lastSent, _lastAccepted, _lastErrors;
    private double _lastSecond;
    private Dictionary<string, long> _errorsBefore = [];

    public List<Sample> Samples { get; } = [];
    public LatencyHistogram Ack { get; } = new();
    public LatencyHistogram Push { get; } = new();

    /// <summary>Where errors began: one marker for each stretch of seconds with errors, counting them all.</summary>
    public List<ErrorMarker> Markers { get; } = [];

    /// <summary>The seconds in which the silo's count of snapshot rounds went up.</summary>
    public List<SnapshotMarker> Snapshots { get; } = [];

    public void Tick(double second, double wanted, double hour)
    {
        var ack = counters.TakeInterval();
        var push = pushInterval();
        Ack.Add(ack);
        if (push is not null) Push.Add(push);
        var span = Math.Max(1e-3, second - _lastSecond);
        var sent = counters.Sent;
        var accepted = counters.Accepted;
        var errors = counters.ErrorsByStatus.ToDictionary(p => p.Key, p => p.Value);
        var newErrors = errors.Values.Sum() - _lastErrors;
        var sample = new Sample(second, (sent - _lastSent) / span, (accepted - _lastAccepted) / span, wanted,
            ack.Count > 0 ? ack.PercentileMilliseconds(0.5) : double.NaN, ack.Count > 0 ? ack.PercentileMilliseconds(0.99) : double.NaN,
            push is { Count: > 0 } ? push.PercentileMilliseconds(0.5) : double.NaN,
            push is { Count: > 0 } ? push.MaxMicroseconds / 1000.0 : double.NaN, hour, newErrors);
        if (newErrors > 0) Mark(sample, errors);
        if (snapshotRounds?.Invoke() is { } rounds)
        {
            // The first reading is where the run started counting; rounds before it are not the run's.
            if (_roundsBefore is { } before && rounds > before) Snapshots.Add(new SnapshotMarker(second, rounds - before));
            _roundsBefore = rounds;
        }
        (_lastSent, _lastAccepted, _lastSecond, _lastErrors, _errorsBefore) = (sent, accepted, second, _lastErrors + newErrors, errors);
        Samples.Add(sample);
        progress.Second(Figures(sample, errors));
    }

    /// <summary>Extends the marker of the stretch going on (errors the second before too) or starts one.</summary>
    private void Mark(Sample sample, Dictionary<string, long> errors)
    {
        var since = errors.ToDictionary(p => p.Key, p => p.Value - _errorsBefore.GetValueOrDefault(p.Key));
        if (Samples.Count > 0 && Samples[^1].Errors > 0 && Markers.Count > 0)
        {
            var going = Markers[^1];
            foreach (var (status, n) in going.ByStatus) since[status] = since.GetValueOrDefault(status) + n;
            Markers[^1] = going with { ByStatus = since.Where(p => p.Value > 0).ToDictionary() };
        }
        else Markers.Add(new ErrorMarker(_lastSecond, since.Where(p => p.Value > 0).ToDictionary()));
    }

    private RunFigures Figures(Sample s, Dictionary<string, long> errors) => new(
        s.Second, s.SimulatedHour, counters.Sent, counters.Accepted, counters.Duplicates,
        counters.RejectedByReason.OrderBy(p => p.Key).ToList(), s.AcceptedPerSecond,
        Ack.PercentileMilliseconds(0.5), Ack.PercentileMilliseconds(0.9), Ack.PercentileMilliseconds(0.99), Ack.PercentileMilliseconds(0.999),
        Push.Count > 0 ? Push.PercentileMilliseconds(0.5) : null, Push.Count > 0 ? Push.PercentileMilliseconds(0.99) : null,
        errors.OrderBy(p => p.Key).ToList());

    public static string Hour(double hour) => $"{(int)hour:00}:{(int)(hour % 1 * 60):00}";
}
