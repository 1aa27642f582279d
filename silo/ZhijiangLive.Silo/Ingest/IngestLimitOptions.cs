namespace ZhijiangLive.Silo.Ingest;

/// <summary>
/// <c>Zhijiang:Limits</c>, the ingest rate per platform key. The default lets one key carry a whole
/// province through one node: the <c>grpc</c> benchmark's streams reach about 300,000 events/s on this
/// project's machine, and a province's busiest minutes (600,000 teachers, a catch-up after an outage) stay
/// below 250,000/s; so the limit stops only a runaway client, never the platform's honest peak.
/// </summary>
public sealed class IngestLimitOptions
{
    public const string Section = "Zhijiang:Limits";

    /// <summary>Events a second one key may publish, on average; 0 turns the limit off.</summary>
    public int IngestEventsPerSecondPerKey { get; set; } = 250_000;

    /// <summary>Events one key may publish at once after a quiet spell (the bucket's size); 0 means one second's worth.</summary>
    public int IngestBurstEventsPerKey { get; set; } = 500_000;

    public int Burst => IngestBurstEventsPerKey > 0 ? IngestBurstEventsPerKey : IngestEventsPerSecondPerKey;
}
