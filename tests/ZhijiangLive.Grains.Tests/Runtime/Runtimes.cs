using ZhijiangLive.Grains.Runtime;

namespace ZhijiangLive.Grains.Tests.Runtime;

/// <summary>Starts runtimes on a fake clock; bounds every wait so a broken barrier fails instead of hanging.</summary>
internal static class Runtimes
{
    private static readonly TimeSpan SafetyNet = TimeSpan.FromSeconds(30);

    public static GrainRuntime Start(
        int partitions = 2, TimeProvider? time = null, IGrainStorage? storage = null, TimeSpan? idleAfter = null) =>
        new(
            new GrainRuntimeOptions
            {
                Partitions = partitions,
                IdleDeactivationAfter = idleAfter ?? TimeSpan.FromMinutes(10),
                IdleScanInterval = TimeSpan.FromMinutes(1),
            },
            storage ?? new InMemoryGrainStorage(),
            time ?? new ManualTimeProvider());

    public static GrainRuntime WithCounters(this GrainRuntime runtime, Probe probe)
    {
        runtime.Register("counter", _ => new CounterGrain(probe));
        return runtime;
    }

    public static Task Within(this Task task) => task.WaitAsync(SafetyNet);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(SafetyNet);

    public static GrainId Counter(string key) => new("counter", key);

    /// <summary>Keys of the given kind that land in the given partition.</summary>
    public static IEnumerable<string> KeysIn(this GrainRuntime runtime, string kind, int partition) =>
        Enumerable.Range(0, int.MaxValue).Select(i => $"k{i}").Where(key => runtime.PartitionOf(new GrainId(kind, key)) == partition);
}
