using ZhijiangLive.Grains.Leaderboards;
using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Tests.Cluster;

/// <summary>Figures and rankings recomputed from scratch, the slow obvious way, to check the live ones against.</summary>
internal static class BruteForce
{
    public sealed record Member(string Id, string School, int Day, int Month, int Year)
    {
        public int In(Period period) => period switch
        {
            Period.Day => Day,
            Period.Month => Month,
            _ => Year,
        };
    }

    public static IReadOnlyList<LeaderboardEntry> Rank(IEnumerable<(string Id, double Score)> members)
    {
        var sorted = members.OrderByDescending(m => m.Score).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        var entries = new List<LeaderboardEntry>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            var rank = i > 0 && sorted[i].Score == sorted[i - 1].Score ? entries[i - 1].Rank : i + 1;
            entries.Add(new LeaderboardEntry(rank, sorted[i].Id, sorted[i].Score));
        }
        return entries;
    }

    public static double Mean(IReadOnlyCollection<Member> members, Period period) =>
        members.Count == 0 ? 0 : (double)members.Sum(m => (long)m.In(period)) / members.Count;
}
