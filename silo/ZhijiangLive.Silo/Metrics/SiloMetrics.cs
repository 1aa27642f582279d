using System.Diagnostics.Metrics;
using ZhijiangLive.Grains.Cluster;

namespace ZhijiangLive.Silo.Metrics;

/// <summary>
/// What the rest of the silo counts (meter <c>ZhijiangLive.Silo</c>): grains active in the cluster, the
/// dashboard's hub connections and the pushes sent to them, snapshot rounds written, and whether the silo is ready.
/// </summary>
public sealed class SiloMetrics : IDisposable
{
    public const string MeterName = "ZhijiangLive.Silo";

    private readonly Meter _meter;
    private readonly Counter<long> _pushes;
    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _snapshotRounds;

    public SiloMetrics(IMeterFactory meters, ZhijiangCluster cluster)
    {
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("zhijiang.grains.active", () => cluster.Services.Active.Total, "{grain}",
            "teacher, school and region grains active in the cluster");
        _pushes = _meter.CreateCounter<long>("zhijiang.live.pushes", "{message}", "messages sent to dashboard connections, by kind");
        _connections = _meter.CreateUpDownCounter<long>("zhijiang.live.connections", "{connection}", "open connections to the live hub");
        _snapshotRounds = _meter.CreateCounter<long>("zhijiang.snapshot.rounds", "{round}",
            "snapshot rounds written (the teachers changed since the last round, and the watermark)");
        // Exported from their first measurement on: a zero puts them there before the first connection or round.
        _connections.Add(0);
        _snapshotRounds.Add(0);
    }

    /// <summary>Whether the silo is ready (1) or not (0), read when a listener asks.</summary>
    public void ObserveReadiness(Func<bool> ready) =>
        _meter.CreateObservableGauge("zhijiang.silo.ready", () => ready() ? 1 : 0, null, "1 while the silo is ready (as /readyz), else 0");

    /// <summary>One message to one connection: <paramref name="kind"/> is <c>snapshot</c> or <c>update</c>.</summary>
    public void Pushed(string kind) => _pushes.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Connected() => _connections.Add(1);

    /// <summary>A snapshot round has written its rows and moved the watermark.</summary>
    public void SnapshotRoundWritten() => _snapshotRounds.Add(1);

    public void Disconnected() => _connections.Add(-1);

    public void Dispose() => _meter.Dispose();
}
