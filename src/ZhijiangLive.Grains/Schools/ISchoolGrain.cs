using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Roster;

namespace ZhijiangLive.Grains.Schools;

/// <summary>
/// One school: counts its unlocked teachers, their points and active spaces per period, ranks them,
/// and forwards every teacher report to its county.
/// </summary>
public interface ISchoolGrain
{
    /// <summary>Takes teacher reports (coalesced per batch) and passes the ones that were new on to the county.</summary>
    void Receive(IReadOnlyList<TeacherChange> reports);

    /// <summary>A new school or a rename; a school's county never changes.</summary>
    void Upsert(SchoolEntry entry);

    /// <summary>The school's figures around <paramref name="date"/>; null if the school is not on the roster.</summary>
    GroupView? Get(DateOnly date);

    /// <summary>A page of the school's teacher ranking for a current period.</summary>
    Ranking.RankingPage Rank(Ranking.RankingRequest request);
}
