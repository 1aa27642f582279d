namespace ZhijiangLive.Grains;

/// <summary>Settings of the grains and their Orleans silo; every one has a working default.</summary>
public sealed record ClusterOptions
{
    /// <summary>The port silos of the cluster talk to this one on; 0 takes a free one (a single silo needs no fixed port).</summary>
    public int SiloPort { get; init; }

    /// <summary>The port Orleans clients connect to; 0 opens no gateway (the host calls its grains in-process).</summary>
    public int GatewayPort { get; init; }

    /// <summary>How often a followed region pushes its changes to subscribers, at most.</summary>
    public TimeSpan NotifyInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a school or region on Orleans holds the reports for its parent before sending them as one
    /// call: the newest of each teacher goes, whatever came before it in the window.
    /// </summary>
    public TimeSpan ForwardInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Members of each ranking carried in a change notification.</summary>
    public int NotifyTop { get; init; } = 10;

    /// <summary>
    /// Ledger entries a teacher keeps for "why these points?" (days inside the grace window only); past
    /// it the oldest go first. 0 keeps none.
    /// </summary>
    public int LedgerEntriesPerTeacher { get; init; } = 64;

    public double SchoolActiveRatioTarget { get; init; } = 0.15;
    public double SchoolMeanScoreTarget { get; init; } = 300;

    /// <summary>Per-city shortlist sizes (SPEC §6); cities not listed get <see cref="CityQuotas.ForCityName"/>.</summary>
    public IReadOnlyDictionary<string, CityQuota> Quotas { get; init; } = new Dictionary<string, CityQuota>();
}
