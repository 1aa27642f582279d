using Orleans;
using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Schools;

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

/// <summary>Until the school grain moves onto Orleans, teachers report to one that takes and drops.</summary>
internal sealed class DroppingSchoolGrain : Grain, ISchoolGrain
{
    public Task ReceiveAsync(TeacherChange[] reports) => Task.CompletedTask;
}
