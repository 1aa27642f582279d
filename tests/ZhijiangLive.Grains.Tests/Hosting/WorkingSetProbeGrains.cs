using System.Collections.Concurrent;

namespace ZhijiangLive.Grains.Tests.Hosting;

/// <summary>A grain Orleans may collect when idle; it notes its deactivations.</summary>
public interface ICollectibleProbeGrain : IGrainWithStringKey
{
    Task PingAsync();
}

/// <summary>A grain Orleans never collects, like the teacher, school and region grains; it notes its deactivations.</summary>
public interface IKeptAliveProbeGrain : IGrainWithStringKey
{
    Task PingAsync();
}

public static class ProbeDeactivations
{
    public static readonly ConcurrentDictionary<string, DeactivationReasonCode> Seen = new();
}

public sealed class CollectibleProbeGrain : Grain, ICollectibleProbeGrain
{
    public Task PingAsync() => Task.CompletedTask;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        ProbeDeactivations.Seen[this.GetPrimaryKeyString()] = reason.ReasonCode;
        return Task.CompletedTask;
    }
}

[KeepAlive]
public sealed class KeptAliveProbeGrain : Grain, IKeptAliveProbeGrain
{
    public Task PingAsync() => Task.CompletedTask;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        ProbeDeactivations.Seen[this.GetPrimaryKeyString()] = reason.ReasonCode;
        return Task.CompletedTask;
    }
}
