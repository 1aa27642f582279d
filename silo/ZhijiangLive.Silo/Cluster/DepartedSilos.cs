using Orleans.Runtime;

namespace ZhijiangLive.Silo.Cluster;

/// <summary>
/// The other silos of the cluster, followed from one membership snapshot to the next, to tell which died since
/// the last. A silo stays followed from the moment it is listed until it is dead or gone from the table, through
/// <c>ShuttingDown</c> and <c>Stopping</c>: a silo that stops gracefully passes through those, and its grains are
/// gone only once it is dead.
/// </summary>
public sealed class DepartedSilos(SiloAddress self)
{
    private HashSet<SiloAddress> _followed = [];

    /// <summary>The followed silos that <paramref name="snapshot"/> lists as dead or no longer lists.</summary>
    public List<SiloAddress> DiedSince(ClusterMembershipSnapshot snapshot)
    {
        var died = _followed.Where(s => snapshot.GetSiloStatus(s) is SiloStatus.Dead or SiloStatus.None).ToList();
        _followed = [.. snapshot.Members.Values
            .Where(m => m.Status is not (SiloStatus.Dead or SiloStatus.None) && !m.SiloAddress.Equals(self))
            .Select(m => m.SiloAddress)];
        return died;
    }
}
