using Orleans;
using Orleans.Concurrency;
using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Snapshots;

namespace ZhijiangLive.Grains.Regions;

/// <summary>
/// A county, city or the province on Orleans, keyed by region id: the figures of every teacher under it,
/// broken down by school and by child region, its rankings and published monthly school rankings. Reports
/// go on to the parent coalesced on a short timer.
/// </summary>
[Alias("zl.IRegionGrain")]
public interface IRegionGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes teacher reports from a school or child region; the new ones wait for the parent. The array is
    /// never changed once sent, so a call inside the silo passes it by reference.
    /// </summary>
    [Alias("Receive")]
    Task ReceiveAsync([Immutable] TeacherChange[] reports);

    /// <summary>Counts a school from the start, with 0 teachers if need be; the parents have it when this completes.</summary>
    [Alias("RegisterSchool")]
    Task RegisterSchoolAsync(SchoolRegistration school);

    [Alias("RegisterChild")]
    Task RegisterChildAsync(string childId);

    /// <summary>A new region or a rename; a region's parent never changes. A new one registers with its parent.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(RegionEntry entry);

    /// <summary>Sends the reports waiting for the parent now; the parent has them when this completes.</summary>
    [Alias("Flush")]
    Task FlushAsync();

    /// <summary>
    /// Starts sending <paramref name="follower"/> updates for <paramref name="period"/>, at most one per notify
    /// interval while anything changes; answers the full update to begin with. Refused if the region is not on the roster.
    /// </summary>
    [Alias("Follow")]
    Task<RegionUpdate> FollowAsync(long followerId, Period period, IRegionFollower follower);

    /// <summary>
    /// Keeps a follower on: nothing (null) if this region has it, or, if the region does not (its grain came back
    /// on another silo after its own died), follows anew and answers the full update.
    /// </summary>
    [Alias("RenewFollow")]
    Task<RegionUpdate?> RenewFollowAsync(long followerId, Period period, IRegionFollower follower);

    [Alias("Unfollow")]
    Task UnfollowAsync(long followerId);

    /// <summary>The closed periods' figures and published rankings, if they changed since the last snapshot.</summary>
    [Alias("TakeHistorySnapshot")]
    Task<GroupHistorySnapshot?> TakeHistorySnapshotAsync();

    /// <summary>Gives the region back the history a snapshot holds (after its entry, before teachers announce).</summary>
    [Alias("RestoreHistory")]
    Task RestoreHistoryAsync(GroupHistorySnapshot snapshot);

    /// <summary>The region's figures for the periods containing <paramref name="date"/>; null if not on the roster.</summary>
    [Alias("Get"), ReadOnly]
    Task<GroupView?> GetAsync(DateOnly date);

    /// <summary>A page of a current ranking, or of a closed month's published school ranking.</summary>
    [Alias("Rank"), ReadOnly]
    Task<RankingPage> RankAsync(RankingRequest request);

    /// <summary>The best of a city by its quota (SPEC §6), live.</summary>
    [Alias("Shortlist"), ReadOnly]
    Task<RankingPage> ShortlistAsync(ShortlistKind kind);
}
