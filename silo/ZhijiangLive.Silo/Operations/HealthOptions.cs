namespace ZhijiangLive.Silo.Operations;

/// <summary>How readiness watches the store (<c>Zhijiang:Health</c>), and how long a stop may take (<c>Zhijiang:ShutdownTimeout</c>).</summary>
public sealed class HealthOptions
{
    public const string Section = "Zhijiang:Health";

    /// <summary>How often the store is pinged; a failed journal commit or its recovery also pings at once.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A ping that takes longer counts as the store unreachable.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest a stop may take (drain, last snapshot round) before the host gives up on it.</summary>
    public static TimeSpan ShutdownTimeoutFrom(IConfiguration configuration) =>
        configuration.GetValue("Zhijiang:ShutdownTimeout", TimeSpan.FromSeconds(30));
}
