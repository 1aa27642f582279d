using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace ZhijiangLive.Grains.Hosting;

/// <summary>
/// Orleans' activation working set, told only of the activations it may collect. The working set exists to find
/// idle activations for the collector, which skips <see cref="KeepAliveAttribute"/> grains anyway; yet Orleans scans
/// every member every 5 s, and drops a member idle for 10 s only to add it again, with a new entry, at its next call.
/// With 600,000 teachers that was 4.5–6.2 % of the silo's CPU and a stream of new objects for the collector to trace.
/// Grains without the attribute (Orleans' own among them) go to Orleans' working set as before, and are collected as before.
/// </summary>
internal sealed class CollectibleWorkingSet(IActivationWorkingSet orleans) : IActivationWorkingSet
{
    // By grain type, learnt from an activation's instance: deactivation must take the same path as activation did,
    // and a grain context may no longer hold its instance by then.
    private readonly ConcurrentDictionary<GrainType, bool> _keptAliveTypes = new();

    /// <summary>The activations Orleans may collect; the kept-alive ones are not counted.</summary>
    public int Count => orleans.Count;

    public void OnActivated(IActivationWorkingSetMember member)
    {
        if (!LearnKeptAlive(member)) orleans.OnActivated(member);
    }

    public void OnActive(IActivationWorkingSetMember member)
    {
        if (!IsKeptAlive(member)) orleans.OnActive(member);
    }

    public void OnDeactivating(IActivationWorkingSetMember member)
    {
        if (!IsKeptAlive(member)) orleans.OnDeactivating(member);
    }

    public void OnDeactivated(IActivationWorkingSetMember member)
    {
        if (!IsKeptAlive(member)) orleans.OnDeactivated(member);
    }

    private bool LearnKeptAlive(IActivationWorkingSetMember member) => member switch
    {
        IGrainContext { GrainInstance: { } grain } context => _keptAliveTypes.GetOrAdd(
            context.GrainId.Type, static (_, type) => type.IsDefined(typeof(KeepAliveAttribute), inherit: true), grain.GetType()),
        _ => IsKeptAlive(member),
    };

    private bool IsKeptAlive(IActivationWorkingSetMember member) =>
        member is IGrainContext context && _keptAliveTypes.TryGetValue(context.GrainId.Type, out var keptAlive) && keptAlive;

    /// <summary>
    /// Puts this filter in front of the working set Orleans registered. Orleans resolves the interface from the
    /// existing singleton, so its own instance (and its scan) stays, serving the grains it may collect.
    /// </summary>
    public static void Install(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IActivationWorkingSet) && d.ImplementationFactory is not null)
            ?? throw new InvalidOperationException("Orleans registered no activation working set to filter");
        services.Remove(registered);
        services.AddSingleton<IActivationWorkingSet>(provider => new CollectibleWorkingSet((IActivationWorkingSet)registered.ImplementationFactory!(provider)));
    }
}
