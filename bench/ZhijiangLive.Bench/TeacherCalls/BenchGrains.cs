using Orleans;

namespace ZhijiangLive.Bench.TeacherCalls;

/// <summary>The engine's own ceiling: an awaited call that does nothing.</summary>
public interface INullGrain : IGrainWithIntegerKey
{
    Task PingAsync();
}

internal sealed class NullGrain : Grain, INullGrain
{
    public Task PingAsync() => Task.CompletedTask;
}
