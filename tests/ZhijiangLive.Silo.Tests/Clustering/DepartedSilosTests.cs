using System.Collections.Immutable;
using System.Net;
using Orleans.Runtime;
using ZhijiangLive.Silo.Cluster;

namespace ZhijiangLive.Silo.Tests.Clustering;

/// <summary>Which silos the death watch sees die, from the membership snapshots it is handed in turn.</summary>
public sealed class DepartedSilosTests
{
    private static readonly SiloAddress Self = Silo(11111);
    private static readonly SiloAddress Other = Silo(22222);

    [Fact]
    public void ASiloThatStopsGracefully_IsSeenToDie_OnceItIsDead()
    {
        var silos = new DepartedSilos(Self);

        Assert.Empty(silos.DiedSince(Snapshot(1, SiloStatus.Active)));
        Assert.Empty(silos.DiedSince(Snapshot(2, SiloStatus.ShuttingDown)));
        Assert.Empty(silos.DiedSince(Snapshot(3, SiloStatus.Stopping)));
        Assert.Equal([Other], silos.DiedSince(Snapshot(4, SiloStatus.Dead)));
        Assert.Empty(silos.DiedSince(Snapshot(5, SiloStatus.Dead)));
    }

    [Fact]
    public void ASiloThatCrashes_IsSeenToDie_AndSoIsOneThatLeavesTheTable()
    {
        var crashed = new DepartedSilos(Self);
        crashed.DiedSince(Snapshot(1, SiloStatus.Active));
        Assert.Equal([Other], crashed.DiedSince(Snapshot(2, SiloStatus.Dead)));

        var removed = new DepartedSilos(Self);
        removed.DiedSince(Snapshot(1, SiloStatus.ShuttingDown));
        Assert.Equal([Other], removed.DiedSince(Snapshot(2)));
    }

    [Fact]
    public void ASiloAlreadyDeadWhenFirstSeen_OrThisSiloItself_IsNeverReported()
    {
        var silos = new DepartedSilos(Self);

        silos.DiedSince(Snapshot(1, SiloStatus.Dead));
        Assert.Empty(silos.DiedSince(Snapshot(2, SiloStatus.Dead)));
        Assert.Empty(silos.DiedSince(new ClusterMembershipSnapshot(
            ImmutableDictionary<SiloAddress, ClusterMember>.Empty.Add(Self, new ClusterMember(Self, SiloStatus.Dead, "self")),
            new MembershipVersion(3))));
    }

    private static SiloAddress Silo(int port) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1);

    /// <summary>This silo active, and the other one with <paramref name="other"/> (not listed when null).</summary>
    private static ClusterMembershipSnapshot Snapshot(long version, SiloStatus? other = null)
    {
        var members = ImmutableDictionary<SiloAddress, ClusterMember>.Empty.Add(Self, new ClusterMember(Self, SiloStatus.Active, "self"));
        if (other is { } status)
        {
            members = members.Add(Other, new ClusterMember(Other, status, "other"));
        }
        return new ClusterMembershipSnapshot(members, new MembershipVersion(version));
    }
}
