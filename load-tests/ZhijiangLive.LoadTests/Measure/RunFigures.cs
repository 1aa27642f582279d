namespace ZhijiangLive.LoadTests.Measure;

/// <summary>What the progress display shows after a second of the run: totals so far, this second's rate, latencies so far.</summary>
public sealed record RunFigures(
    double Second,
    double SimulatedHour,
    long Sent,
    long Accepted,
    long Duplicates,
    IReadOnlyList<KeyValuePair<string, long>> RejectedByReason,
    double AcceptedPerSecond,
    double AckP50,
    double AckP90,
    double AckP99,
    double AckP999,
    double? PushP50,
    double? PushP99,
    IReadOnlyList<KeyValuePair<string, long>> ErrorsByStatus)
{
    /// <summary>The plain line, as a log keeps it.</summary>
    public string Line()
    {
        var rejected = string.Join(" ", RejectedByReason.Select(p => $"{p.Key}={p.Value:N0}"));
        var errors = ErrorsByStatus.Count == 0 ? "" : " errors " + string.Join(" ", ErrorsByStatus.Select(p => $"{p.Key}={p.Value}"));
        var push = PushP50 is { } p50 ? $" push p50 {p50:0} p99 {PushP99:0} ms" : "";
        return $"[{Second,4:0}s {Timeline.Hour(SimulatedHour)}] sent {Sent:N0} acc {Accepted:N0} dup {Duplicates:N0} " +
               $"rej {rejected} | {AcceptedPerSecond:N0} ev/s | ack p50 {AckP50:0.0} p90 {AckP90:0.0} " +
               $"p99 {AckP99:0.0} p999 {AckP999:0.0} ms{push}{errors}";
    }
}
