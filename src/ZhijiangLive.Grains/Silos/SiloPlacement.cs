using Orleans;
using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace ZhijiangLive.Grains.Silos;

/// <summary>
/// Places a grain on the silo its key names (<see cref="SiloAddress.ToParsableString"/>): how the facade
/// reaches one particular silo's services, the way Orleans reaches a grain. A key naming a silo known to be dead
/// is refused rather than placed elsewhere; one this silo's view of the membership does not show yet (a silo that
/// just joined) is placed there all the same, as that silo asked for it.
/// </summary>
[GenerateSerializer, Immutable, Alias("zl.SiloPlacement")]
public sealed class SiloPlacement : PlacementStrategy
{
    public static readonly SiloPlacement Instance = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloPlacementAttribute() : PlacementAttribute(SiloPlacement.Instance);

public sealed class SiloPlacementDirector(IClusterMembershipService membership) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = target.GrainIdentity.Key.ToString();
        var silo = SiloAddress.FromParsableString(key);
        if (membership.CurrentSnapshot.GetSiloStatus(silo) is SiloStatus.Dead or SiloStatus.ShuttingDown or SiloStatus.Stopping)
        {
            throw new SiloUnavailableException($"silo {key} is no longer a member of the cluster");
        }
        return Task.FromResult(silo);
    }
}
