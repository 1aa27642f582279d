using Orleans;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Evaluations;
using ZhijiangLive.Grains.Roster;

namespace ZhijiangLive.Grains.Silos;

/// <summary>
/// A roster batch as the silo that writes the journal applied it, for the other silos' directories:
/// <see cref="Position"/> is its journal position (0 when it was not journaled), so that each silo applies
/// the batches in journal order and once.
/// </summary>
[GenerateSerializer, Immutable, Alias("zl.RosterChange")]
public sealed record RosterChange(
    [property: Id(0)] long Position,
    [property: Id(1)] RegionEntry[] Regions,
    [property: Id(2)] SchoolEntry[] Schools,
    [property: Id(3)] TeacherEntry[] Teachers,
    [property: Id(4)] CandidateRegistration[] Candidates,
    [property: Id(5)] ExpertScore[] ExpertScores)
{
    public static RosterChange Of(long position, RosterBatch batch) =>
        new(position, [.. batch.Regions], [.. batch.Schools], [.. batch.Teachers], [.. batch.Candidates], [.. batch.ExpertScores]);
}
