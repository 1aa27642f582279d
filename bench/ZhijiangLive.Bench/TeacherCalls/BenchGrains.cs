using Orleans;
using Orleans.Concurrency;

namespace ZhijiangLive.Bench.TeacherCalls;

/// <summary>The engine's own ceiling: an awaited call that does nothing, and a one-way call that only counts itself.</summary>
public interface INullGrain : IGrainWithIntegerKey
{
    Task PingAsync();

    /// <summary>No reply message: the caller's task completes once the call is sent.</summary>
    [OneWay]
    Task NudgeAsync();
}

internal sealed class NullGrain : Grain, INullGrain
{
    private static long s_nudges;

    /// <summary>One-way calls every null grain of the process has run so far.</summary>
    public static long Nudges => Interlocked.Read(ref s_nudges);

    public Task PingAsync() => Task.CompletedTask;

    public Task NudgeAsync()
    {
        Interlocked.Increment(ref s_nudges);
        return Task.CompletedTask;
    }
}
