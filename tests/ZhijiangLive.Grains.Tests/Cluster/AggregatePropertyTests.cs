using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Scoring.Events;
using static ZhijiangLive.Grains.Tests.Cluster.BruteForce;

namespace ZhijiangLive.Grains.Tests.Cluster;

/// <summary>
/// After random event streams, moves, locks and midnights, every school's and region's figures and
/// rankings equal a recomputation from the teachers' own scores.
/// </summary>
public sealed class AggregatePropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Aggregates_EqualRecomputation_AfterRandomEventsMovesLocksAndMidnights(int seed)
    {
        var random = new Random(seed);
        // Late March, so the run crosses midnights and the month's end.
        var options = new ClusterOptions { SchoolMeanScoreTarget = 8 };
        await using var h = new ClusterHarness(options, new DateTimeOffset(2026, 3, 30, 1, 0, 0, TimeSpan.Zero));
        await h.BuildTreeAsync();
        var roster = Enumerable.Range(1, 40)
            .Select(i => ClusterHarness.Teacher($"T{i:00}", ClusterHarness.Schools[random.Next(ClusterHarness.Schools.Length)], locked: random.Next(10) == 0))
            .ToDictionary(t => t.Id);
        await h.AddTeachersAsync([.. roster.Values]);

        for (var step = 0; step < 60; step++)
        {
            var roll = random.Next(100);
            if (roll < 70)
            {
                var events = Enumerable.Range(0, random.Next(1, 25)).Select(_ => RandomEvent(h, random, roster.Keys.ToArray())).ToArray();
                await h.PublishAsync(events);
            }
            else if (roll < 80)
            {
                var moved = roster.Values.ElementAt(random.Next(roster.Count)) with { SchoolId = ClusterHarness.Schools[random.Next(6)] };
                roster[moved.Id] = moved;
                await h.AddTeachersAsync(moved);
            }
            else if (roll < 88)
            {
                var toggled = roster.Values.ElementAt(random.Next(roster.Count));
                toggled = toggled with { Locked = !toggled.Locked };
                roster[toggled.Id] = toggled;
                await h.AddTeachersAsync(toggled);
            }
            else
            {
                h.Clock.Advance(TimeSpan.FromHours(random.Next(1, 12)));
            }
            if (step % 10 == 9)
            {
                await h.Cluster.FlushAsync();
                await AssertMatchesRecomputation(h, roster, options);
            }
        }
        await h.Cluster.FlushAsync();
        await AssertMatchesRecomputation(h, roster, options);
    }

    private static ActivityEvent RandomEvent(ClusterHarness h, Random random, string[] teachers)
    {
        var teacher = random.Next(40) == 0 ? "nobody" : teachers[random.Next(teachers.Length)];
        var body = RandomBodies.Next(random);
        // Some events arrive late, up to a day after they happened.
        var occurred = h.Clock.GetUtcNow() - (random.Next(5) == 0 ? TimeSpan.FromHours(random.Next(24)) : TimeSpan.Zero);
        return h.Event(teacher, body, occurred, random.Next(3) == 0 ? ClientKind.Mobile : ClientKind.Pc);
    }

    private static async Task AssertMatchesRecomputation(ClusterHarness h, Dictionary<string, TeacherEntry> roster, ClusterOptions options)
    {
        var today = h.Cluster.Today;
        var members = new List<Member>();
        foreach (var teacher in roster.Values.Where(t => !t.Locked))
        {
            var view = (await h.Cluster.GetTeacherAsync(teacher.Id, today))!;
            members.Add(new Member(teacher.Id, teacher.SchoolId, view.Scores.Day.Points, view.Scores.Month.Points, view.Scores.Year.Points));
        }

        foreach (var school in ClusterHarness.Schools)
        {
            await AssertScope(h, school, members.Where(m => m.School == school).ToList(), isSchool: true, options);
        }
        foreach (var county in new[] { "K1", "K2", "K3" })
        {
            await AssertScope(h, county, members.Where(m => ClusterHarness.CountyOf(m.School) == county).ToList(), false, options);
        }
        foreach (var city in new[] { "C1", "C2" })
        {
            await AssertScope(h, city, members.Where(m => ClusterHarness.CityOf(ClusterHarness.CountyOf(m.School)) == city).ToList(), false, options);
        }
        await AssertScope(h, "P", members, isSchool: false, options);
        await AssertChildRanking(h, "C1", members, m => ClusterHarness.CountyOf(m.School), ["K1", "K2"]);
        await AssertChildRanking(h, "P", members, m => ClusterHarness.CityOf(ClusterHarness.CountyOf(m.School)), ["C1", "C2"]);
    }

    private static async Task AssertScope(ClusterHarness h, string scope, List<Member> expected, bool isSchool, ClusterOptions options)
    {
        var view = isSchool ? await h.Cluster.GetSchoolAsync(scope) : await h.Cluster.GetRegionAsync(scope);
        Assert.NotNull(view);
        Assert.Equal(expected.Count, view.Teachers);
        var thresholds = new[] { 1, 30, 300 };
        foreach (var period in new[] { Period.Day, Period.Month, Period.Year })
        {
            var figures = period switch { Period.Day => view.Day, Period.Month => view.Month, _ => view.Year };
            var total = expected.Sum(m => (long)m.In(period));
            var active = expected.Count(m => m.In(period) >= thresholds[(int)period]);
            Assert.Equal((total, active), (figures.Total, figures.Active));
            Assert.Equal(Mean(expected, period), figures.Mean, 9);

            var ranking = await h.Cluster.GetRankingAsync(new RankingRequest(scope, RankingKind.Teachers, period, Limit: 1000));
            Assert.Equal(Rank(expected.Select(m => (m.Id, (double)m.In(period)))), ranking!.Entries);
        }
        if (!isSchool)
        {
            var schools = ClusterHarness.Schools.Where(s => expected.Any(m => m.School == s) || InScope(s, scope)).ToList();
            var bySchool = schools.Select(s => (s, expected.Where(m => m.School == s).ToList())).ToList();
            var meeting = bySchool.Count(p => p.Item2.Count > 0
                && (double)p.Item2.Count(m => m.Year >= 300) / p.Item2.Count >= options.SchoolActiveRatioTarget
                && Mean(p.Item2, Period.Year) >= options.SchoolMeanScoreTarget);
            Assert.Equal((schools.Count, meeting), (view.Schools, view.SchoolsMeetingTargets));
            var schoolRanking = await h.Cluster.GetRankingAsync(new RankingRequest(scope, RankingKind.Schools, Period.Month, Limit: 1000));
            Assert.Equal(Rank(bySchool.Select(p => (p.s, Mean(p.Item2, Period.Month)))), schoolRanking!.Entries);
        }
    }

    private static async Task AssertChildRanking(ClusterHarness h, string scope, List<Member> members, Func<Member, string> childOf, string[] children)
    {
        var ranking = await h.Cluster.GetRankingAsync(new RankingRequest(scope, RankingKind.Regions, Period.Day, Limit: 100));
        var expected = Rank(children.Select(c => (c, Mean(members.Where(m => childOf(m) == c).ToList(), Period.Day))));
        Assert.Equal(expected, ranking!.Entries);
    }

    private static bool InScope(string school, string scope)
    {
        var county = ClusterHarness.CountyOf(school);
        return scope == county || scope == ClusterHarness.CityOf(county) || scope == "P";
    }
}
