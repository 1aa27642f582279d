using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Scoring.Tests.Properties;

/// <summary>SPEC §4: whatever arrives, and however late, no day holds more of a rule than its daily cap.</summary>
public sealed class DailyCapProperties
{
    // The caps of the zjer-2018 table (SPEC §4), per teacher and day.
    private static readonly Dictionary<string, int> _dailyCaps = new()
    {
        [RuleIds.Login] = 2,
        [RuleIds.MobileOp] = 2,
        [RuleIds.ResourceSpread] = 2,
        [RuleIds.Teaching] = 10,
        [RuleIds.Guidance] = 5,
        [RuleIds.Interaction] = 5,
    };
    private const int AppCapPerAppAndDay = 2;

    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void NoDayExceedsARulesDailyCap(int seed)
    {
        var stream = EventStreamGenerator.Generate(seed);
        var run = ScoringRun.Execute(stream);
        foreach (var teacher in stream.Teachers)
        {
            var perDayAndRule = run.Decided(teacher)
                .GroupBy(a => (a.Entry.Day, a.Entry.Rule), a => a.Entry.Points);
            foreach (var group in perDayAndRule)
            {
                if (_dailyCaps.TryGetValue(group.Key.Rule, out var cap))
                {
                    var sum = group.Sum();
                    Assert.True(sum <= cap, $"{stream}: {teacher} earned {sum} {group.Key.Rule} on {group.Key.Day} (cap {cap})");
                    Assert.All(group, points => Assert.True(points >= 0, $"{group.Key.Rule} entry of {points}"));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void NoAppEarnsMoreThanItsDailyCap(int seed)
    {
        var stream = EventStreamGenerator.Generate(seed);
        var run = ScoringRun.Execute(stream);
        foreach (var teacher in stream.Teachers)
        {
            var perDayAndApp = run.Decided(teacher)
                .Where(a => a.Entry.Rule == RuleIds.App)
                .GroupBy(a => (a.Entry.Day, ((AppUsage)a.Accepted.Event.Body).AppId), a => a.Entry.Points);
            foreach (var group in perDayAndApp)
            {
                var sum = group.Sum();
                Assert.True(sum <= AppCapPerAppAndDay,
                    $"{stream}: {teacher} earned {sum} from app {group.Key.AppId} on {group.Key.Day} (cap {AppCapPerAppAndDay})");
            }
        }
    }

    /// <summary>
    /// The caps refuse only what is over them: for the rules whose day has a closed form, the day's points
    /// are exactly that form — mobile_op min(ops, 2); interaction 3 from 5 distinct counterparts, 5 from 10;
    /// app 2 for every registered app used; login at least 1 on a day with a login.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void CapsRefuseOnlyWhatIsOverThem(int seed)
    {
        var stream = EventStreamGenerator.Generate(seed);
        var run = ScoringRun.Execute(stream);
        foreach (var teacher in stream.Teachers)
        {
            foreach (var day in run.Decided(teacher).GroupBy(a => a.Entry.Day))
            {
                var context = $"{stream}: {teacher} on {day.Key}";
                int Points(string rule) => day.Where(a => a.Entry.Rule == rule).Sum(a => a.Entry.Points);
                var bodies = day.Select(a => a.Accepted.Event.Body).ToList();

                Assert.True(Math.Min(2, bodies.OfType<MobileOperation>().Count()) == Points(RuleIds.MobileOp), $"{context}: mobile_op");
                var counterparts = bodies.OfType<Interaction>().Select(i => i.CounterpartId).Distinct().Count();
                Assert.True((counterparts >= 10 ? 5 : counterparts >= 5 ? 3 : 0) == Points(RuleIds.Interaction),
                    $"{context}: interaction with {counterparts} counterparts earned {Points(RuleIds.Interaction)}");
                foreach (var app in bodies.OfType<AppUsage>().Select(u => u.AppId).Distinct())
                {
                    var earned = day.Where(a => a.Accepted.Event.Body is AppUsage u && u.AppId == app).Sum(a => a.Entry.Points);
                    Assert.True(earned == AppCapPerAppAndDay, $"{context}: app {app} earned {earned}");
                }
                if (bodies.OfType<Login>().Any())
                {
                    Assert.True(Points(RuleIds.Login) >= 1, $"{context}: logged in without a point");
                }
            }
        }
    }

    /// <summary>A day holds 2 login points only if it ends a run of 7 login days (the streak bonus).</summary>
    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void TheSecondLoginPointNeedsASevenDayStreak(int seed)
    {
        var stream = EventStreamGenerator.Generate(seed);
        var run = ScoringRun.Execute(stream);
        foreach (var teacher in stream.Teachers)
        {
            var decided = run.Decided(teacher).Where(a => a.Entry.Rule == RuleIds.Login).ToList();
            var loginDays = decided.Select(a => a.Entry.Day.DayNumber).ToHashSet();
            foreach (var day in decided.GroupBy(a => a.Entry.Day).Where(g => g.Sum(a => a.Entry.Points) > 1))
            {
                var streak = Enumerable.Range(0, 7).All(back => loginDays.Contains(day.Key.DayNumber - back));
                Assert.True(streak, $"{stream}: {teacher} earned 2 login points on {day.Key} without 7 consecutive login days");
            }
        }
    }
}
