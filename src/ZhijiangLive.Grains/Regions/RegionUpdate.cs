using Orleans;
using ZhijiangLive.Grains.Leaderboards;
using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Regions;

/// <summary>
/// What a follower of a region receives: its figures and the tops of its three rankings for one period,
/// with the ties of the teachers' and schools' tops (one per entry, in the same order).
/// </summary>
[GenerateSerializer, Immutable, Alias("zl.RegionUpdate")]
public sealed record RegionUpdate(
    GroupView Figures,
    Period Period,
    IReadOnlyList<LeaderboardEntry> TopTeachers,
    IReadOnlyList<LeaderboardEntry> TopSchools,
    IReadOnlyList<LeaderboardEntry> TopRegions,
    IReadOnlyList<TopRowTie> TeacherTies,
    IReadOnlyList<TopRowTie> SchoolTies);
