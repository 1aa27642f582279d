namespace ZhijiangLive.Silo.Durability;

/// <summary>Where acknowledged work is kept (<c>Zhijiang:Store</c>), and how the silo behaves when it cannot be reached.</summary>
public sealed record StoreOptions
{
    /// <summary><c>sqlite</c> (the embedded default), <c>postgres</c>, or <c>memory</c> (nothing survives the process).</summary>
    public string Provider { get; init; } = "sqlite";

    /// <summary>The SQLite file, relative to the working directory; <c>zhijiang-live.db</c> in the data directory when unset.</summary>
    public string? SqlitePath { get; init; }

    /// <summary>An Npgsql connection string; setting it alone chooses PostgreSQL.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>How long an append may take before ingest answers UNAVAILABLE.</summary>
    public TimeSpan AppendTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often an append that failed is tried again while the store is unreachable.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often changed teachers are written as snapshots and the watermark moves on; zero turns snapshots off.</summary>
    public TimeSpan SnapshotInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Journal records after the last round that start the next one before <see cref="SnapshotInterval"/> is up: a
    /// silo that takes the journal over replays what came after the last round, so this bounds a failover's replay.
    /// Zero leaves rounds to the interval alone.
    /// </summary>
    public long SnapshotAfterRecords { get; init; } = 500_000;

    /// <summary>
    /// How long journal records are kept once a snapshot includes them, for a rebuild with another rule pack;
    /// never less than the duplicates window (the grace window and a day). Zero keeps the journal for good.
    /// </summary>
    public TimeSpan JournalRetention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The provider actually used: a connection string alone means PostgreSQL.</summary>
    public string EffectiveProvider =>
        !string.IsNullOrWhiteSpace(ConnectionString) && Provider == "sqlite" ? "postgres" : Provider.ToLowerInvariant();
}
