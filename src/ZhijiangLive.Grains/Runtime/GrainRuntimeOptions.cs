namespace ZhijiangLive.Grains.Runtime;

/// <summary>
/// How many partitions the runtime runs and when it deactivates idle grains.
/// </summary>
public sealed record GrainRuntimeOptions
{
    /// <summary>Single-threaded workers that own the grains; a grain's id hash picks its partition.</summary>
    public int Partitions { get; init; } = Environment.ProcessorCount;

    /// <summary>A grain that has handled no message for this long is deactivated by the next idle scan.</summary>
    public TimeSpan IdleDeactivationAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the idle scan runs; <see cref="Timeout.InfiniteTimeSpan"/> turns it off.</summary>
    public TimeSpan IdleScanInterval { get; init; } = TimeSpan.FromMinutes(1);
}
