using Orleans;
using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace ZhijiangLive.Grains.Silos;

/// <summary>
/// Places a grain on the silo its key names (<see cref="SiloAddress.ToParsableString"/>): how the facade
/// reaches one particular silo's services, the way Orleans reaches a grain. A key naming a silo that is not an
/// active member is refused rather than placed elsewhere.
/// </summary>
[GenerateSerializer, Immutable, Alias("zl.SiloPlacement")]
public sealed class SiloPlacement : PlacementStrategy
{
    public static readonly SiloPlacement Instance = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloPlacementAttribute() : PlacementAttribute(SiloPlacement.Instance);

public sealed class SiloPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString();
        var silo = SiloAddress.FromParsableString(key);
        if (!context.GetCompatibleSilos(target).Contains(silo))
        {
            throw new SiloUnavailableException($"silo {key} is not an active member of the cluster");
        }
        return Task.FromResult(silo);
    }
}
