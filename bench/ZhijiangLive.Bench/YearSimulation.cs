using ZhijiangLive.Grains.Teachers;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Bench;

/// <summary>
/// A typical teacher's year (2025), generated and applied teacher by teacher: it logs in on most school
/// days (and a few other days), does a few mobile ops, teaches most school days (sessions sometimes
/// reported twice), publishes a task every couple of weeks that 8–30 of its students read, interacts
/// with a few students or parents on some days, uses provincial apps now and then, and releases ~10
/// resources over the year, a few of them reviewed (and one in ten deleted), spread a few hundred
/// times in all by a pool of 100,000 users. Every id in every event is a fresh string, as a
/// deserializer would hand it over, so a state keeps only the strings it holds on to itself. The
/// decisions go to a <see cref="RecentLedger"/> as a teacher grain keeps them.
/// </summary>
public sealed class YearSimulation(TeacherScorer scorer, int seed, LedgerNotes notes, int ledgerEntries)
{
    public static readonly DateOnly FirstDay = new(2025, 1, 1);
    public const int Days = 365;

    private readonly long[] _dayStarts = Enumerable.Range(0, Days + 1)
        .Select(d => TimeZoneInfo.ConvertTimeToUtc(FirstDay.AddDays(d).ToDateTime(TimeOnly.MinValue), scorer.Calendar.Zone).Ticks)
        .ToArray();
    private readonly List<(long Accepted, int Order, ActivityEvent Event)> _events = new(4096);

    public long EventsApplied { get; private set; }
    public long SpreadEvents { get; private set; }

    /// <summary>The instant the year's last event was accepted, for the last teacher simulated.</summary>
    public DateTimeOffset LastAcceptedAt { get; private set; }

    public TeacherState Simulate(int teacherIndex, RecentLedger ledger)
    {
        var rng = new Random(HashCode.Combine(seed, teacherIndex));
        var teacher = $"zj-t-{teacherIndex:D7}";
        _events.Clear();
        Plan(rng, teacher, teacherIndex);
        _events.Sort((x, y) => x.Accepted != y.Accepted ? x.Accepted.CompareTo(y.Accepted) : x.Order.CompareTo(y.Order));

        var state = new TeacherState(teacher);
        foreach (var (accepted, _, e) in _events)
        {
            LastAcceptedAt = new DateTimeOffset(accepted, TimeSpan.Zero);
            var outcome = scorer.Apply(state, e, LastAcceptedAt);
            if (!outcome.IsRejected && !outcome.MeasuresOnly)
            {
                ledger.Add(outcome.Entry, state.HorizonDay, ledgerEntries, notes);
            }
        }
        EventsApplied += _events.Count;
        return state;
    }

    private void Plan(Random rng, string teacher, int t)
    {
        var apps = scorer.Pack.Rules.App.Registry;
        var sessions = 0;
        var tasks = 0;
        void Add(int day, long second, ClientKind client, ActivityBody body)
        {
            if (day >= Days) return;
            var occurred = _dayStarts[day] + second * TimeSpan.TicksPerSecond;
            var roll = rng.Next(100);
            var delay = roll < 90 ? rng.NextInt64(30 * TimeSpan.TicksPerSecond)
                : roll < 99 ? rng.NextInt64(TimeSpan.TicksPerHour)
                : rng.NextInt64(71 * TimeSpan.TicksPerHour);
            var e = new ActivityEvent($"ev-{t}-{_events.Count}", teacher, new DateTimeOffset(occurred, TimeSpan.Zero), client, body);
            _events.Add((occurred + delay, _events.Count, e));
        }
        long Daytime() => rng.Next(7 * 3600, 22 * 3600);
        ClientKind Client() => rng.Next(10) < 4 ? ClientKind.Mobile : ClientKind.Pc;
        string Student(int k) => $"stu-{(t * 37 + k) % 200_000:D7}";

        // Resources: ~10 released over the year, a few reviewed at each level, one in ten deleted.
        var resourceCount = rng.Next(8, 13);
        var releases = Enumerable.Range(0, resourceCount).Select(_ => rng.Next(0, Days - 30)).Order().ToArray();
        for (var r = 0; r < resourceCount; r++)
        {
            foreach (var (level, chance) in new[] { (ReviewLevel.County, 40), (ReviewLevel.City, 20), (ReviewLevel.Province, 10) })
            {
                if (rng.Next(100) < chance) Add(releases[r] + rng.Next(5, 60), Daytime(), ClientKind.Web, new ResourceReviewed($"res-{t}-{r}", level));
            }
            if (rng.Next(10) == 0) Add(releases[r] + rng.Next(30, 200), Daytime(), ClientKind.Web, new ResourceDeleted($"res-{t}-{r}"));
        }
        // A few hundred spreads over the year, mostly of a teacher's earlier (longer-lived) resources.
        for (var n = rng.Next(150, 450); n > 0; n--)
        {
            var day = rng.Next(releases[0], Days);
            var released = releases.Count(release => release <= day);
            var r = (int)(released * Math.Pow(rng.NextDouble(), 1.5));
            var user = rng.Next(100) < 3 ? teacher : $"user-{(int)(100_000 * Math.Pow(rng.NextDouble(), 1.5)):D7}";
            Add(day, rng.Next(0, 86_400), Client(), new ResourceSpread($"res-{t}-{r}", user, "view"));
            SpreadEvents++;
        }

        Add(rng.Next(0, 30), Daytime(), ClientKind.Web, new ProfileUpdated(true, true, true, true));
        for (var d = 0; d < Days; d++)
        {
            var schoolDay = IsSchoolDay(FirstDay.AddDays(d));
            if (rng.Next(100) >= (schoolDay ? 90 : 15))
            {
                continue;
            }
            for (var n = rng.Next(1, 3); n > 0; n--) Add(d, rng.Next(6 * 3600, 22 * 3600), Client(), Login.Instance);
            if (rng.Next(100) < 25) for (var n = rng.Next(1, 3); n > 0; n--) Add(d, Daytime(), ClientKind.Mobile, new MobileOperation("message"));
            if (schoolDay && rng.Next(100) < 60)
            {
                for (var n = rng.Next(1, 3); n > 0; n--)
                {
                    var resent = sessions > 0 && rng.Next(20) == 0;
                    Add(d, Daytime(), Client(), new TeachingSession($"sess-{t}-{(resent ? sessions - 1 : sessions++)}", 2400));
                }
            }
            if (schoolDay && rng.Next(100) < 10)
            {
                var task = $"task-{t}-{tasks++}";
                var published = Daytime();
                Add(d, published, ClientKind.Pc, new TaskPublished(task, "homework"));
                for (var n = rng.Next(8, 31); n > 0; n--)
                {
                    var at = published + rng.Next(60, 2 * 86_400);
                    Add(d + (int)(at / 86_400), at % 86_400, ClientKind.Mobile, new TaskEngagement($"task-{t}-{tasks - 1}", Student(rng.Next(45)), true));
                }
            }
            if (rng.Next(100) < 40) for (var n = rng.Next(1, 9); n > 0; n--) Add(d, Daytime(), Client(), new Interaction(Student(rng.Next(60)), "answer"));
            if (rng.Next(100) < 30) for (var n = rng.Next(1, 3); n > 0; n--) Add(d, Daytime(), Client(), new AppUsage(new string(apps[rng.Next(apps.Count)])));
        }
    }

    /// <summary>Weekdays outside the winter and summer holidays and the May and October golden weeks.</summary>
    private static bool IsSchoolDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !(date >= new DateOnly(2025, 1, 18) && date <= new DateOnly(2025, 2, 16))
        && !(date >= new DateOnly(2025, 7, 5) && date <= new DateOnly(2025, 8, 31))
        && !(date >= new DateOnly(2025, 5, 1) && date <= new DateOnly(2025, 5, 5))
        && !(date >= new DateOnly(2025, 10, 1) && date <= new DateOnly(2025, 10, 8));
}
