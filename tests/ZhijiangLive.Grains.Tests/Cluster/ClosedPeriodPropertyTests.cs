using ZhijiangLive.Grains.Leaderboards;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Snapshots;
using ZhijiangLive.Scoring.Events;
using static ZhijiangLive.Grains.Tests.Cluster.BruteForce;

namespace ZhijiangLive.Grains.Tests.Cluster;

/// <summary>
/// SPEC §6, closed periods are exact: after random histories of late events across midnights, moves, locks
/// and restarts (one of them missing a midnight while down), every school's and region's figures and every
/// ranking for every kept day and month equal a recomputation from the teachers' own figures for that date.
/// </summary>
public sealed class ClosedPeriodPropertyTests
{
    private static readonly ClusterOptions Options = new() { SchoolMeanScoreTarget = 8 };
    private static readonly string[] Counties = ["K1", "K2", "K3"];
    private static readonly string[] Cities = ["C1", "C2"];

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public async Task EveryKeptDayAndMonth_EqualsRecomputation_AfterLateEventsMovesLocksAndRestarts(int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 3, 28, 1, 0, 0, TimeSpan.Zero);
        var h = new ClusterHarness(Options, start);
        try
        {
            h.Cluster.EnableSnapshots();
            await h.BuildTreeAsync();
            var roster = Enumerable.Range(1, 30)
                .Select(i => ClusterHarness.Teacher($"T{i:00}", ClusterHarness.Schools[random.Next(6)], locked: random.Next(10) == 0))
                .ToDictionary(t => t.Id);
            await h.AddTeachersAsync([.. roster.Values]);
            var frozen = new Dictionary<(string, int), IReadOnlyList<LeaderboardEntry>>();
            var midnightsMissed = 0;
            var store = new Dictionary<(string, string), GroupHistorySnapshot>();

            for (var step = 0; step < 64; step++)
            {
                var roll = random.Next(100);
                if (roll < 60)
                {
                    var ids = roster.Keys.ToArray();
                    await h.PublishAsync([.. Enumerable.Range(0, random.Next(1, 20)).Select(_ => LateOrNow(h, random, ids[random.Next(ids.Length)]))]);
                }
                else if (roll < 70)
                {
                    var moved = roster.Values.ElementAt(random.Next(roster.Count)) with { SchoolId = ClusterHarness.Schools[random.Next(6)] };
                    roster[moved.Id] = moved;
                    await h.AddTeachersAsync(moved);
                }
                else if (roll < 76)
                {
                    var toggled = roster.Values.ElementAt(random.Next(roster.Count));
                    roster[toggled.Id] = toggled = toggled with { Locked = !toggled.Locked };
                    await h.AddTeachersAsync(toggled);
                }
                else if (roll < 82)
                {
                    // Down for up to 30 hours: often a midnight passes while nothing runs.
                    var before = h.Cluster.Today;
                    h = await RestartAsync(h, roster.Values, store, TimeSpan.FromHours(random.Next(0, 31)));
                    midnightsMissed += h.Cluster.Today > before ? 1 : 0;
                }
                else
                {
                    h.Clock.Advance(TimeSpan.FromHours(random.Next(1, 25)));
                }
                if (step % 8 == 7)
                {
                    await AssertEveryKeptPeriod(h, roster, start, frozen);
                }
            }
            await AssertEveryKeptPeriod(h, roster, start, frozen);

            // Past March's publication (00:00 on 4 April in Shanghai), then a move and more events: March's school ranking holds.
            var published = new DateTimeOffset(2026, 4, 3, 17, 0, 0, TimeSpan.Zero);
            if (h.Clock.GetUtcNow() < published)
            {
                h.SetNow(published);
            }
            await AssertEveryKeptPeriod(h, roster, start, frozen);
            var mover = roster.Values.First(t => !t.Locked);
            roster[mover.Id] = mover = mover with { SchoolId = mover.SchoolId == "S1" ? "S6" : "S1" };
            await h.AddTeachersAsync(mover);
            var everyone = roster.Keys.ToArray();
            await h.PublishAsync([.. Enumerable.Range(0, 20).Select(_ => LateOrNow(h, random, everyone[random.Next(everyone.Length)]))]);
            await AssertEveryKeptPeriod(h, roster, start, frozen);

            // The seeds are chosen to reach what the test is about: a restart after a missed midnight.
            Assert.True(midnightsMissed > 0, "no restart missed a midnight");
            Assert.True(frozen.Keys.Any(k => k.Item2 == PeriodKeys.Of(new DateOnly(2026, 3, 1)).Month), "March was not published");
        }
        finally
        {
            await h.DisposeAsync();
        }
    }

    private static ActivityEvent LateOrNow(ClusterHarness h, Random random, string teacher)
    {
        // Half the events are late, by up to 60 hours: inside the 72-hour grace window, often days late.
        var late = random.Next(2) == 0 ? TimeSpan.FromMinutes(random.Next(60 * 60)) : TimeSpan.Zero;
        return h.Event(teacher, RandomBodies.Next(random, deletions: false), h.Clock.GetUtcNow() - late, random.Next(3) == 0 ? ClientKind.Mobile : ClientKind.Pc);
    }

    /// <summary>
    /// A new cluster started from the old one's snapshots, as the silo restarts; the clock moved on by
    /// <paramref name="down"/>. Histories are kept in <paramref name="store"/>, newest of each, as a store keeps its rows.
    /// </summary>
    private static async Task<ClusterHarness> RestartAsync(
        ClusterHarness old, IEnumerable<TeacherEntry> roster, Dictionary<(string, string), GroupHistorySnapshot> store, TimeSpan down)
    {
        await old.Cluster.FlushAsync();
        var teachers = await old.Cluster.CaptureTeachersAsync(0);
        foreach (var history in await old.Cluster.CaptureGroupHistoriesAsync())
        {
            store[(history.Kind, history.Key)] = history;
        }
        var now = old.Clock.GetUtcNow() + down;
        await old.DisposeAsync();
        var restored = new ClusterHarness(Options, now);
        restored.Cluster.EnableSnapshots();
        await restored.Cluster.PausePublicationAsync();
        teachers.ForEach(restored.Cluster.RestoreTeacher);
        await restored.BuildTreeAsync();
        await restored.AddTeachersAsync([.. roster]);
        foreach (var history in store.Values)
        {
            await restored.Cluster.RestoreGroupHistoryAsync(history);
        }
        await restored.Cluster.AnnounceAllTeachersAsync();
        await restored.Cluster.FlushAsync();
        await restored.Cluster.ResumePublicationAsync();
        return restored;
    }

    private static async Task AssertEveryKeptPeriod(
        ClusterHarness h,
        Dictionary<string, TeacherEntry> roster,
        DateTimeOffset start,
        Dictionary<(string, int), IReadOnlyList<LeaderboardEntry>> frozen)
    {
        await h.Cluster.FlushAsync();
        var today = h.Cluster.Today;
        var first = DateOnly.FromDateTime(start.UtcDateTime);
        for (var date = first; date <= today; date = date.AddDays(1))
        {
            var members = new List<Member>();
            foreach (var teacher in roster.Values.Where(t => !t.Locked))
            {
                var scores = (await h.Cluster.GetTeacherAsync(teacher.Id, date))!.Scores;
                members.Add(new Member(teacher.Id, teacher.SchoolId, scores.Day.Points, scores.Month.Points, scores.Year.Points));
            }
            var monthEnds = date == today || date.AddDays(1).Day == 1;
            foreach (var school in ClusterHarness.Schools)
            {
                await AssertScope(h, school, date, members.Where(m => m.School == school).ToList(), withMonth: monthEnds);
            }
            foreach (var county in Counties)
            {
                await AssertScope(h, county, date, members.Where(m => ClusterHarness.CountyOf(m.School) == county).ToList(), monthEnds);
            }
            foreach (var city in Cities)
            {
                await AssertScope(h, city, date, members.Where(m => ClusterHarness.CityOf(ClusterHarness.CountyOf(m.School)) == city).ToList(), monthEnds);
            }
            await AssertScope(h, "P", date, members, monthEnds);
            await AssertChildren(h, "P", date, members, m => ClusterHarness.CityOf(ClusterHarness.CountyOf(m.School)), Cities);
            await AssertChildren(h, "C1", date, members, m => ClusterHarness.CountyOf(m.School), ["K1", "K2"]);
            if (monthEnds)
            {
                foreach (var scope in new[] { "K1", "C1", "P" })
                {
                    await AssertMonthlySchoolRanking(h, scope, date, members, frozen);
                }
            }
        }
    }

    private static async Task AssertScope(ClusterHarness h, string scope, DateOnly date, List<Member> expected, bool withMonth)
    {
        var isSchool = scope.StartsWith('S');
        var view = (isSchool ? await h.Cluster.GetSchoolAsync(scope, date) : await h.Cluster.GetRegionAsync(scope, date))!;
        var what = $"{scope} on {date:yyyy-MM-dd}";
        Assert.True(expected.Count == view.Teachers, $"{what}: teachers");
        var thresholds = new[] { 1, 30, 300 };
        foreach (var period in new[] { Period.Day, Period.Month, Period.Year })
        {
            var figures = period switch { Period.Day => view.Day, Period.Month => view.Month, _ => view.Year };
            var total = expected.Sum(m => (long)m.In(period));
            var active = expected.Count(m => m.In(period) >= thresholds[(int)period]);
            Assert.True((total, active) == (figures.Total, figures.Active), $"{what}, {period}: expected {(total, active)}, got {(figures.Total, figures.Active)}");
            Assert.Equal(Mean(expected, period), figures.Mean, 9);
        }
        foreach (var period in withMonth ? new[] { Period.Day, Period.Month } : [Period.Day])
        {
            var ranking = (await h.Cluster.GetRankingAsync(new RankingRequest(scope, RankingKind.Teachers, period, date, Limit: 1000)))!;
            Assert.Equal(Rank(expected.Select(m => (m.Id, (double)m.In(period)))), ranking.Entries);
            Assert.Equal(expected.Count, ranking.Total);
        }
        if (!isSchool)
        {
            var schools = SchoolsIn(scope);
            var meeting = schools.Select(s => expected.Where(m => m.School == s).ToList()).Count(p => p.Count > 0
                && (double)p.Count(m => m.Year >= 300) / p.Count >= Options.SchoolActiveRatioTarget
                && Mean(p, Period.Year) >= Options.SchoolMeanScoreTarget);
            Assert.True(meeting == view.SchoolsMeetingTargets, $"{what}: schools meeting targets");
            var daySchools = (await h.Cluster.GetRankingAsync(new RankingRequest(scope, RankingKind.Schools, Period.Day, date, Limit: 100)))!;
            Assert.Equal(Rank(schools.Select(s => (s, Mean(expected.Where(m => m.School == s).ToList(), Period.Day)))), daySchools.Entries);
        }
    }

    private static async Task AssertChildren(ClusterHarness h, string scope, DateOnly date, List<Member> members, Func<Member, string> childOf, string[] children)
    {
        var ranking = (await h.Cluster.GetRankingAsync(new RankingRequest(scope, RankingKind.Regions, Period.Day, date, Limit: 100)))!;
        Assert.Equal(Rank(children.Select(c => (c, Mean(members.Where(m => childOf(m) == c).ToList(), Period.Day)))), ranking.Entries);
    }

    /// <summary>Live and equal to a recount while provisional; once published, what it was at publication, for good.</summary>
    private static async Task AssertMonthlySchoolRanking(
        ClusterHarness h, string scope, DateOnly date, List<Member> members, Dictionary<(string, int), IReadOnlyList<LeaderboardEntry>> frozen)
    {
        var month = PeriodKeys.Of(date).Month;
        var ranking = (await h.Cluster.GetRankingAsync(new RankingRequest(scope, RankingKind.Schools, Period.Month, date, Limit: 100)))!;
        var lastDay = new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1);
        // With 72 hours of grace, a month can change until 00:00 on the 4th of the next one.
        var open = h.Clock.GetUtcNow() < new DateTimeOffset(lastDay.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).AddDays(4);
        Assert.Equal(open, ranking.Provisional);
        if (open)
        {
            var schools = SchoolsIn(scope);
            Assert.Equal(Rank(schools.Select(s => (s, Mean(members.Where(m => m.School == s).ToList(), Period.Month)))), ranking.Entries);
        }
        else if (frozen.TryGetValue((scope, month), out var published))
        {
            Assert.Equal(published, ranking.Entries);
        }
        else
        {
            frozen[(scope, month)] = ranking.Entries;
        }
    }

    private static List<string> SchoolsIn(string scope) => ClusterHarness.Schools.Where(s =>
    {
        var county = ClusterHarness.CountyOf(s);
        return scope == county || scope == ClusterHarness.CityOf(county) || scope == "P";
    }).ToList();
}
