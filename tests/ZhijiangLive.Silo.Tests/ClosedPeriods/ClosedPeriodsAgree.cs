using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Silo.Tests.ClosedPeriods;

/// <summary>
/// Asks a silo over gRPC, for given dates, every teacher's figures, and checks that every school's and
/// region's figures and rankings for those dates are what the teachers' own figures add up to.
/// </summary>
internal static class ClosedPeriodsAgree
{
    private static readonly int[] Thresholds = [1, 30, 300];

    private sealed record Member(string Id, string School, long[] Points);

    public static async Task AssertAsync(ZhijiangClient query, ClosedPeriodRoster roster, IEnumerable<DateOnly> dates)
    {
        foreach (var date in dates)
        {
            var day = date.ToString("yyyy-MM-dd");
            var members = new List<Member>();
            foreach (var (teacher, school) in roster.SchoolOf)
            {
                var view = await query.GetTeacherAsync(new GetRequest { Id = teacher, Date = day });
                Assert.Equal(school, view.SchoolId);
                members.Add(new Member(teacher, school, [view.Day, view.Month, view.Year]));
            }
            foreach (var school in ClosedPeriodRoster.Schools)
            {
                var group = await query.GetSchoolAsync(new GetRequest { Id = school, Date = day });
                AssertFigures($"{school} on {day}", group, members.Where(m => m.School == school).ToList());
                await AssertTeacherRankings(query, school, day, members.Where(m => m.School == school).ToList());
            }
            foreach (var county in ClosedPeriodRoster.Counties)
            {
                var inCounty = members.Where(m => ClosedPeriodRoster.CountyOf(m.School) == county).ToList();
                AssertFigures($"{county} on {day}", await query.GetRegionAsync(new GetRequest { Id = county, Date = day }), inCounty);
                await AssertTeacherRankings(query, county, day, inCounty);
                await AssertSchoolRanking(query, county, day, inCounty);
            }
            foreach (var city in ClosedPeriodRoster.Cities)
            {
                var inCity = members.Where(m => ClosedPeriodRoster.CityOf(ClosedPeriodRoster.CountyOf(m.School)) == city).ToList();
                AssertFigures($"{city} on {day}", await query.GetRegionAsync(new GetRequest { Id = city, Date = day }), inCity);
                await AssertSchoolRanking(query, city, day, inCity);
            }
            AssertFigures($"province on {day}", await query.GetRegionAsync(new GetRequest { Id = ClosedPeriodRoster.Province, Date = day }), members);
            await AssertTeacherRankings(query, ClosedPeriodRoster.Province, day, members);
            await AssertSchoolRanking(query, ClosedPeriodRoster.Province, day, members);
            var cities = await Ranking(query, ClosedPeriodRoster.Province, "regions", Period.Day, day);
            Assert.Equal(
                Rank(ClosedPeriodRoster.Cities.Select(c => (c, Mean(members.Where(m => ClosedPeriodRoster.CityOf(ClosedPeriodRoster.CountyOf(m.School)) == c).ToList(), 0)))),
                Listing(cities));
        }
    }

    private static void AssertFigures(string what, GroupView group, List<Member> members)
    {
        Assert.True(members.Count == group.Teachers, $"{what}: {group.Teachers} teachers, expected {members.Count}");
        var figures = new[] { group.Day, group.Month, group.Year };
        for (var p = 0; p < 3; p++)
        {
            var expected = (members.Sum(m => m.Points[p]), members.Count(m => m.Points[p] >= Thresholds[p]));
            Assert.True(expected == (figures[p].Total, figures[p].Active), $"{what}, period {p}: expected {expected}, got {(figures[p].Total, figures[p].Active)}");
            Assert.Equal(Mean(members, p), figures[p].Mean, 9);
        }
    }

    private static async Task AssertTeacherRankings(ZhijiangClient query, string scope, string day, List<Member> members)
    {
        foreach (var (period, p) in new[] { (Period.Day, 0), (Period.Month, 1) })
        {
            var ranking = await Ranking(query, scope, "teachers", period, day);
            Assert.Equal(Rank(members.Select(m => (m.Id, (double)m.Points[p]))), Listing(ranking));
            Assert.Equal(members.Count, ranking.Total);
        }
    }

    private static async Task AssertSchoolRanking(ZhijiangClient query, string scope, string day, List<Member> members)
    {
        var schools = ClosedPeriodRoster.Schools.Where(s => scope == ClosedPeriodRoster.Province
            || ClosedPeriodRoster.CountyOf(s) == scope || ClosedPeriodRoster.CityOf(ClosedPeriodRoster.CountyOf(s)) == scope);
        var ranking = await Ranking(query, scope, "schools", Period.Day, day);
        Assert.Equal(Rank(schools.Select(s => (s, Mean(members.Where(m => m.School == s).ToList(), 0)))), Listing(ranking));
    }

    private static Task<LeaderboardView> Ranking(ZhijiangClient query, string scope, string kind, Period period, string day) =>
        query.GetLeaderboardAsync(new LeaderboardRequest { ScopeId = scope, Kind = kind, Period = period, Date = day, Limit = 1000 });

    private static double Mean(List<Member> members, int p) => members.Count == 0 ? 0 : (double)members.Sum(m => m.Points[p]) / members.Count;

    private static List<(int, string, double)> Listing(LeaderboardView view) => view.Entries.Select(e => (e.Rank, e.Id, e.Score)).ToList();

    private static List<(int, string, double)> Rank(IEnumerable<(string Id, double Score)> members)
    {
        var sorted = members.OrderByDescending(m => m.Score).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        var ranked = new List<(int, string, double)>();
        for (var i = 0; i < sorted.Count; i++)
        {
            ranked.Add((i > 0 && sorted[i].Score == sorted[i - 1].Score ? ranked[i - 1].Item1 : i + 1, sorted[i].Id, sorted[i].Score));
        }
        return ranked;
    }
}
