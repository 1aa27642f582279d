using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;

namespace ZhijiangLive.Bench;

/// <summary>
/// A pre-built stream of events for many teachers over a few simulated days, in acceptance order:
/// <see cref="Events"/>[i] was accepted at <see cref="AcceptedAt"/>[i].
/// </summary>
/// <remarks>
/// The activity is first planned as small structs, sorted by acceptance, and only then turned into
/// events, each with fresh id strings, in that order: memory then looks like what ingest hands the
/// scorer (events just deserialized one after another), not like a teacher-by-teacher build that a
/// sort scattered all over the heap.
/// </remarks>
public sealed class EventMix
{
    private EventMix(ActivityEvent[] events, DateTimeOffset[] acceptedAt, int teachers, DateOnly firstDay, int days)
    {
        Events = events;
        AcceptedAt = acceptedAt;
        Teachers = teachers;
        FirstDay = firstDay;
        Days = days;
    }

    public ActivityEvent[] Events { get; }
    public DateTimeOffset[] AcceptedAt { get; }
    public int Teachers { get; }
    public DateOnly FirstDay { get; }
    public int Days { get; }

    /// <summary>Share of each kind of event, most frequent first.</summary>
    public IEnumerable<(string Kind, double Share)> KindShares() => Events
        .GroupBy(e => e.Body.GetType().Name)
        .Select(g => (g.Key, (double)g.Count() / Events.Length))
        .OrderByDescending(p => p.Item2);

    /// <summary>
    /// An active teacher's day: 1–3 logins, a few mobile ops, ~40 spreads of its 6–14 resources by a
    /// pool of 50,000 users (the owner sometimes among them), rare reviews and deletions, 0–4 teaching
    /// sessions (sometimes reported twice), a task on half the days read by 10–40 of its students over
    /// two days, ~15 interactions with its students and parents, a few app uses (1 % unregistered). One
    /// teacher in ten is idle on a given day, but its resources still spread. Acceptance: 88 % within
    /// 30 s, 10 % within the hour, 2 % up to 72 h late.
    /// </summary>
    public static EventMix Build(RulePack pack, int teachers, int days, int seed, bool byTeacher = false)
    {
        var plan = Plan(pack, teachers, days, seed);
        plan.Sort((x, y) => x.Accepted != y.Accepted ? x.Accepted.CompareTo(y.Accepted) : x.Sequence.CompareTo(y.Sequence));
        if (byTeacher)
        {
            // Stable: each teacher's events keep their acceptance order.
            plan = plan.Select((p, i) => (p, i)).OrderBy(x => x.p.Teacher).ThenBy(x => x.i).Select(x => x.p).ToList();
        }

        var apps = pack.Rules.App.Registry;
        var events = new ActivityEvent[plan.Count];
        var acceptedAt = new DateTimeOffset[plan.Count];
        for (var i = 0; i < plan.Count; i++)
        {
            var p = plan[i];
            var teacher = $"zj-t-{p.Teacher:D7}";
            ActivityBody body = p.Kind switch
            {
                Kind.Login => Login.Instance,
                Kind.Profile => new ProfileUpdated(true, true, true, p.A != 0),
                Kind.Mobile => new MobileOperation("message"),
                Kind.Spread => new ResourceSpread(Resource(p.Teacher, p.A), p.B < 0 ? teacher : $"user-{p.B:D7}", "view"),
                Kind.Reviewed => new ResourceReviewed(Resource(p.Teacher, p.A), (ReviewLevel)p.B),
                Kind.Deleted => new ResourceDeleted(Resource(p.Teacher, p.A)),
                Kind.Teaching => new TeachingSession($"sess-{p.Teacher:D7}-{p.A}", 2400),
                Kind.Published => new TaskPublished($"task-{p.Teacher:D7}-{p.A}", "homework"),
                Kind.Engagement => new TaskEngagement($"task-{p.Teacher:D7}-{p.A}", Student(p.Teacher, p.B), p.B % 2 == 0),
                Kind.Interaction => new Interaction(Student(p.Teacher, p.A), "answer"),
                Kind.App => new AppUsage(p.A < 0 ? "unregistered-app" : new string(apps[p.A])),
                _ => throw new InvalidOperationException(p.Kind.ToString()),
            };
            events[i] = new ActivityEvent($"ev-{seed}-{p.Sequence:D10}", teacher,
                new DateTimeOffset(p.Occurred, TimeSpan.Zero), p.Client, body);
            acceptedAt[i] = new DateTimeOffset(p.Accepted, TimeSpan.Zero);
        }
        return new EventMix(events, acceptedAt, teachers, FirstDayOf, days);
    }

    private static readonly DateOnly FirstDayOf = new(2026, 3, 2); // a Monday in term time

    private static string Resource(int teacher, int k) => $"res-{teacher:D7}-{k:D3}";

    // Each teacher's 60 students and parents; neighbouring teachers share some (same school).
    private static string Student(int teacher, int k) => $"stu-{(teacher * 37 + k) % 200_000:D7}";

    private enum Kind : byte { Login, Profile, Mobile, Spread, Reviewed, Deleted, Teaching, Published, Engagement, Interaction, App }

    private readonly record struct Planned(long Accepted, long Occurred, long Sequence, int Teacher, Kind Kind, ClientKind Client, int A, int B);

    private static List<Planned> Plan(RulePack pack, int teachers, int days, int seed)
    {
        var rng = new Random(seed);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(pack.TimeZone);
        var dayStarts = Enumerable.Range(0, days + 1)
            .Select(d => TimeZoneInfo.ConvertTimeToUtc(FirstDayOf.AddDays(d).ToDateTime(TimeOnly.MinValue), zone).Ticks)
            .ToArray();
        var appCount = pack.Rules.App.Registry.Count;
        var lateLimit = (long)(pack.GraceLate.Ticks * 0.99);
        const int users = 50_000;
        var plan = new List<Planned>(teachers * days * 75);

        for (var t = 0; t < teachers; t++)
        {
            var resources = rng.Next(6, 15);
            var sessions = 0;
            var tasks = 0;
            for (var d = 0; d < days; d++)
            {
                var dayStart = dayStarts[d];
                void Add(long secondOfDay, Kind kind, ClientKind client, int a = 0, int b = 0)
                {
                    var occurred = dayStart + secondOfDay * TimeSpan.TicksPerSecond;
                    var roll = rng.Next(100);
                    var delay = roll < 88 ? rng.NextInt64(TimeSpan.TicksPerSecond * 30)
                        : roll < 98 ? rng.NextInt64(TimeSpan.TicksPerHour)
                        : rng.NextInt64(lateLimit);
                    plan.Add(new Planned(occurred + delay, occurred, plan.Count, t, kind, client, a, b));
                }
                long Daytime() => rng.Next(7 * 3600, 22 * 3600);
                ClientKind Client() => rng.Next(10) < 4 ? ClientKind.Mobile : ClientKind.Pc;

                // Spreads happen whether or not the teacher is active; the first resources are the popular ones.
                var active = rng.Next(10) != 0;
                for (var n = rng.Next(0, active ? 80 : 20); n > 0; n--)
                {
                    var resource = (int)(resources * Math.Pow(rng.NextDouble(), 2));
                    var user = rng.Next(100) < 3 ? -1 : (int)(users * Math.Pow(rng.NextDouble(), 1.5));
                    Add(rng.Next(0, 86_400), Kind.Spread, Client(), resource, user);
                }
                for (var r = 0; r < resources; r++)
                {
                    if (rng.Next(100) == 0) Add(Daytime(), Kind.Reviewed, ClientKind.Web, r, rng.Next(1, 4));
                    if (rng.Next(500) == 0) Add(Daytime(), Kind.Deleted, ClientKind.Web, r);
                }
                if (!active)
                {
                    continue;
                }

                for (var n = rng.Next(1, 4); n > 0; n--) Add(rng.Next(6 * 3600, 22 * 3600), Kind.Login, Client());
                if (rng.Next(100) == 0) Add(Daytime(), Kind.Profile, ClientKind.Web, rng.Next(2));
                for (var n = rng.Next(0, 7); n > 0; n--) Add(Daytime(), Kind.Mobile, ClientKind.Mobile);
                for (var n = rng.Next(0, 5); n > 0; n--)
                {
                    var resent = sessions > 0 && rng.Next(10) == 0;
                    Add(Daytime(), Kind.Teaching, Client(), resent ? sessions - 1 : sessions++);
                }
                if (rng.Next(2) == 0)
                {
                    var task = tasks++;
                    var published = Daytime();
                    Add(published, Kind.Published, ClientKind.Pc, task);
                    for (var n = rng.Next(10, 41); n > 0; n--)
                    {
                        var at = Math.Min(published + rng.Next(60, 2 * 86_400), (days - d) * 86_400L - 1);
                        Add(at, Kind.Engagement, ClientKind.Mobile, task, rng.Next(45));
                    }
                }
                for (var n = rng.Next(0, 31); n > 0; n--) Add(Daytime(), Kind.Interaction, Client(), rng.Next(60));
                for (var n = rng.Next(0, 7); n > 0; n--) Add(Daytime(), Kind.App, Client(), rng.Next(100) == 0 ? -1 : rng.Next(appCount));
            }
        }
        return plan;
    }
}
