using Orleans;
using Orleans.Concurrency;
using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Roster;

namespace ZhijiangLive.Grains.Schools;

/// <summary>
/// One school on Orleans, keyed by school id: counts its unlocked teachers, their points and active spaces
/// in every kept period, ranks them, and passes teacher reports on to its county (<see cref="Regions.IRegionGrain"/>),
/// coalesced on a short timer.
/// </summary>
[Alias("zl.ISchoolGrain")]
public interface ISchoolGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes the reports one teacher call produced, in the order they were made; the school keeps the
    /// newest of each teacher by sequence number, so a stale one changes nothing. Neither side changes the
    /// array once sent, so a call inside the silo passes it by reference instead of copying it.
    /// </summary>
    [Alias("Receive")]
    Task ReceiveAsync([Immutable] TeacherChange[] reports);

    /// <summary>Takes the school's roster entry; the first one registers the school up the tree before it completes.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(SchoolEntry entry);

    /// <summary>The school's figures for the periods containing <paramref name="date"/>; null if not on the roster.</summary>
    [Alias("Get"), ReadOnly]
    Task<GroupView?> GetAsync(DateOnly date);

    /// <summary>A page of the school's teacher ranking for any kept period.</summary>
    [Alias("Rank"), ReadOnly]
    Task<RankingPage> RankAsync(RankingRequest request);
}
