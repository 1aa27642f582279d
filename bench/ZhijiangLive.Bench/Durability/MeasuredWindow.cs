using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Bench.Grpc;
using ZhijiangLive.Bench.Province;
using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Bench.Durability;

/// <summary>
/// Durable-ingest traffic bounded by time: --warm-up seconds, then --seconds measured, in batches of
/// <see cref="DurableIngest.Batch"/> built as they are sent, so the run is bounded by time rather than by what fits
/// in memory. A reply counts when it arrives inside the measured window.
/// </summary>
internal sealed class MeasuredWindow
{
    private readonly ProvinceRoster _province;
    private readonly string _prefix;
    private readonly Timestamp _occurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1));
    private long _next;

    public MeasuredWindow(BenchOptions options, ProvinceRoster province, string prefix)
    {
        _province = province;
        _prefix = prefix;
        From = Stopwatch.GetTimestamp() + options.WarmUp * Stopwatch.Frequency;
        To = From + options.Seconds * Stopwatch.Frequency;
    }

    /// <summary>Stopwatch timestamps of the measured window.</summary>
    public long From { get; }
    public long To { get; }

    /// <summary>The next batch, or null once the window is over.</summary>
    public PublishRequest? Next() => Stopwatch.GetTimestamp() >= To
        ? null
        : GrpcTraffic.Request(_prefix, _province, Interlocked.Add(ref _next, DurableIngest.Batch) - DurableIngest.Batch, DurableIngest.Batch, _occurredAt);

    public bool Counts(long at) => at > From && at <= To;
}
