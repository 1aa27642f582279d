namespace ZhijiangLive.LoadTests.Options;

/// <summary>How the traffic's pace is chosen: a school day's curve, a flat rate, or as fast as the server answers.</summary>
public enum PaceKind { Curve, Flat, Max }

/// <summary>Unary <c>Publish</c> calls or one <c>PublishStream</c> per connection.</summary>
public enum TransportMode { Unary, Stream }

/// <summary>Everything a load run is told on its command line, with the defaults its <c>--help</c> shows.</summary>
public sealed record LoadOptions
{
    public Uri Target { get; init; } = new("http://localhost:5081");
    public Uri? Http { get; init; }
    public string? ApiKey { get; init; }
    public string? Token { get; init; }
    public TransportMode Mode { get; init; } = TransportMode.Stream;
    public int Connections { get; init; } = 4;
    public int InFlight { get; init; } = 8;
    public int Batch { get; init; } = 200;
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(2);
    public PaceKind Pace { get; init; } = PaceKind.Curve;
    public double FlatRate { get; init; }
    public double Speedup { get; init; } = 60;
    public TimeOnly Start { get; init; } = new(6, 30);
    public int EventsPerTeacher { get; init; } = 40;
    public double Scale { get; init; } = 1;
    public int Seed { get; init; } = 1;
    public double BadShare { get; init; } = 0.005;
    public DateTimeOffset? Now { get; init; }
    public string? Out { get; init; }
    public bool SkipRoster { get; init; }
    public int RosterChunk { get; init; } = 10_000;
    public int Retries { get; init; } = 5;
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public string? WatchRegion { get; init; }
    public double MarksPerSecond { get; init; } = 2;
    public bool Quiet { get; init; }

    /// <summary>bench only: calls each client makes, and concurrent streams on its one connection.</summary>
    public int BenchRequests { get; init; } = 200_000;
    public int BenchStreams { get; init; } = 64;

    /// <summary>The gRPC metadata every call carries: the platform key, when one was given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata =>
        ApiKey is null ? [] : [new("authorization", $"Bearer {ApiKey}")];
}
