using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Roster;

namespace ZhijiangLive.Grains.Regions;

/// <summary>
/// A county, city or the province: the figures of every teacher under it, broken down by school and by
/// child region, its rankings, its published monthly school rankings, and its followers.
/// </summary>
public interface IRegionGrain
{
    /// <summary>Takes teacher reports (coalesced per batch) and passes the new ones on to the parent.</summary>
    void Receive(IReadOnlyList<TeacherChange> reports);

    void RegisterSchool(SchoolRegistration school);

    void RegisterChild(string childId);

    /// <summary>A new region or a rename; a region's parent never changes.</summary>
    void Upsert(RegionEntry entry);

    GroupView? Get(DateOnly date);

    /// <summary>A page of a current ranking, or of a closed month's published school ranking.</summary>
    RankingPage Rank(RankingRequest request);

    /// <summary>The best of a city by its quota (SPEC §6), live.</summary>
    RankingPage Shortlist(ShortlistKind kind);

    /// <summary>Starts pushing updates: a full one now, then at most one per notify interval while anything changes.</summary>
    void Subscribe(RegionSubscription subscription);

    void Unsubscribe(long subscriptionId);
}
