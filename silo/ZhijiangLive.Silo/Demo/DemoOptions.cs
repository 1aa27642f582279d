namespace ZhijiangLive.Silo.Demo;

/// <summary><c>Zhijiang:Demo</c>: a generated province and simulated traffic, for a first look at the dashboard.</summary>
public sealed record DemoOptions
{
    /// <summary>Set by <c>--demo</c>.</summary>
    public bool Enabled { get; init; }

    /// <summary>Share of the real province: 1 is about 12,000 schools and 600,000 teachers.</summary>
    public double Scale { get; init; } = 0.02;

    /// <summary>Simulated events a second.</summary>
    public int EventsPerSecond { get; init; } = 2_000;

    public int Seed { get; init; } = 2018;
}
