namespace ZhijiangLive.Bench;

/// <summary>A benchmark's options, as <see cref="BenchCommandLine"/> read them; each benchmark reads its own.</summary>
public sealed record BenchOptions
{
    /// <summary>Null for the benchmark's own default (10,000, or 600,000 for a whole province).</summary>
    public int? Teachers { get; init; }
    public int Runs { get; init; } = 5;
    public int Days { get; init; } = 4;
    public int HistoryDays { get; init; } = 35;
    public int ActivePercent { get; init; } = 25;
    public int Seed { get; init; } = 2018;
    public bool ByTeacher { get; init; }
    public int Schools { get; init; } = 12_000;
    public int EventsPerTeacher { get; init; } = 5;
    public int Calls { get; init; } = 200_000;
    public int Concurrency { get; init; } = 64;
    public int StreamEvents { get; init; } = 2_000_000;
    public int Streams { get; init; } = 4;
    public int InFlight { get; init; } = 8;
    /// <summary>The province benchmark's unanswered batches of 500 (it drives the facade, not a stream).</summary>
    public int BatchesInFlight { get; init; } = 64;
    public int Seconds { get; init; } = 20;
    public int WarmUp { get; init; } = 5;
    public int Events { get; init; } = 6_000_000;
    public int Tail { get; init; } = 60_000;
    public string? Connection { get; init; }
    public string? Only { get; init; }

    /// <summary>The silos' snapshot interval in the cluster benchmark, in seconds; the silo's default (1 min) when not given.</summary>
    public int? SnapshotSeconds { get; init; }
}
