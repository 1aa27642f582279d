using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;

namespace ZhijiangLive.Scoring.Tests.Properties;

/// <summary>An event as the journal holds it: the event and the instant ingest accepted it.</summary>
public sealed record AcceptedEvent(ActivityEvent Event, DateTimeOffset AcceptedAt);

/// <summary>A generated stream for a few teachers, in non-decreasing acceptance order.</summary>
public sealed record GeneratedStream(
    int Seed,
    IReadOnlyList<string> Teachers,
    DateOnly FirstDay,
    int DayCount,
    IReadOnlyList<AcceptedEvent> Events)
{
    public DateOnly LastDay => FirstDay.AddDays(DayCount - 1);

    public override string ToString() =>
        $"seed {Seed}: {Teachers.Count} teachers, {FirstDay:yyyy-MM-dd} + {DayCount} days, {Events.Count} events";
}

/// <summary>
/// Random but realistic activity for a few teachers over ~40 days of the pack's calendar, from a fixed
/// seed. Each teacher logs in most days (some daily, some only on school days, so streaks both form and
/// break), updates a profile now and then, works on mobile, owns a handful of resources (one of them
/// popular) that a pool of users (the owner and the other teachers among them) spreads, gets reviewed
/// at random levels in random order (duplicates included) and sometimes deleted with spreads and
/// reviews still arriving afterwards; teaches sessions whose ids are sometimes sent twice; publishes
/// tasks that students read over the next days (sometimes before publication, sometimes too few);
/// interacts with students and parents; uses the pack's registered apps (and, rarely, an unknown one).
/// Events happen mostly in the daytime, some right around midnight; most are accepted within seconds,
/// some hours or days late (always inside the 72 h grace), a few up to 4 min early (client clocks).
/// </summary>
public static class EventStreamGenerator
{
    public const string UnknownApp = "not-a-provincial-app";
    private static readonly string[] _mobileKinds = ["message", "upload", "comment", "like"];
    private static readonly string[] _spreadActions = ["view", "download", "favourite", "share", "comment"];
    private static readonly string[] _taskKinds = ["homework", "community"];
    private static readonly string[] _interactionKinds = ["home-school", "answer", "evaluation"];

    public static GeneratedStream Generate(int seed, RulePack? pack = null, int dayCount = 40)
    {
        pack ??= RulePackLoader.Default;
        var rng = new Random(seed);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(pack.TimeZone);
        var firstDay = PickFirstDay(rng);
        var teacherCount = rng.Next(3, 6);
        var teachers = Enumerable.Range(0, teacherCount).Select(i => $"t{seed:D3}-{i:D2}").ToArray();
        var users = Enumerable.Range(0, 150).Select(i => $"u{i:D4}").ToArray();

        var events = new List<AcceptedEvent>();
        var context = new Context(rng, zone, pack, firstDay, dayCount, teachers, users, events, seed);
        for (var t = 0; t < teacherCount; t++)
        {
            new TeacherScript(context, t).Emit();
        }

        // Non-decreasing acceptance order; OrderBy is stable, so ties keep their generation order.
        var ordered = events.OrderBy(e => e.AcceptedAt.UtcTicks).ToList();
        return new GeneratedStream(seed, teachers, firstDay, dayCount, ordered);
    }

    private static DateOnly PickFirstDay(Random rng)
    {
        var year = 2025 + rng.Next(2);
        // A quarter of the seeds cross a new year, so months and years change within the stream.
        return rng.Next(4) == 0
            ? new DateOnly(year, 12, 1).AddDays(rng.Next(5, 26))
            : new DateOnly(year, 1, 1).AddDays(rng.Next(0, 320));
    }

    private sealed record Context(
        Random Rng, TimeZoneInfo Zone, RulePack Pack, DateOnly FirstDay, int DayCount,
        string[] Teachers, string[] Users, List<AcceptedEvent> Events, int Seed)
    {
        private int _next;

        public string NextEventId() => $"e{Seed}-{_next++:D6}";
    }

    private sealed class TeacherScript(Context c, int index)
    {
        private readonly Random _rng = c.Rng;
        private readonly string _id = c.Teachers[index];
        private readonly List<(string Id, int ReleaseDay, int Weight)> _resources = [];
        private readonly List<(string Id, int Day)> _sessions = [];
        private int _sessionCount;
        private int _taskCount;

        public void Emit()
        {
            var schoolDaysOnly = _rng.Next(3) == 0;
            var activeProbability = 0.80 + _rng.NextDouble() * 0.18;
            PlanResources();
            if (_rng.Next(2) == 0)
            {
                Add(0, Morning(), ClientKind.Web, RandomProfile());
            }
            for (var d = 0; d < c.DayCount; d++)
            {
                var date = c.FirstDay.AddDays(d);
                var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                var active = _rng.NextDouble() < (schoolDaysOnly && weekend ? 0.15 : activeProbability);
                Spreads(d, active ? 12 : 4); // others spread a teacher's resources whether or not it logs in
                Reviews(d);
                if (!active)
                {
                    continue;
                }
                Logins(d);
                if (_rng.NextDouble() < 0.05) Add(d, Daytime(), ClientKind.Web, RandomProfile());
                MobileOps(d);
                Teaching(d);
                Tasks(d);
                Interactions(d);
                Apps(d);
            }
        }

        private void PlanResources()
        {
            var count = _rng.Next(2, 7);
            for (var k = 0; k < count; k++)
            {
                var id = $"res-{_id}-{k}";
                var release = k == 0 ? 0 : _rng.Next(0, c.DayCount - 5);
                var weight = k == 0 ? 30 : _rng.Next(1, 4); // the first one is the popular one
                _resources.Add((id, release, weight));
                if (_rng.NextDouble() < 0.35)
                {
                    // Deleted some day after its release; spreads and reviews keep arriving after that.
                    var deletionDay = _rng.Next(release, c.DayCount);
                    Add(deletionDay, Daytime(), ClientKind.Web, new ResourceDeleted(id));
                    if (_rng.Next(5) == 0) Add(Math.Min(c.DayCount - 1, deletionDay + _rng.Next(2)), Daytime(), ClientKind.Web, new ResourceDeleted(id));
                }
            }
        }

        private void Spreads(int d, int max)
        {
            var released = _resources.Where(r => r.ReleaseDay <= d).ToList();
            var total = released.Sum(r => r.Weight);
            for (var n = _rng.Next(0, max + 1); n > 0; n--)
            {
                var pick = _rng.Next(total);
                var resource = released.First(r => (pick -= r.Weight) < 0);
                var roll = _rng.NextDouble();
                var user = roll < 0.06 ? _id
                    : roll < 0.12 ? c.Teachers[_rng.Next(c.Teachers.Length)]
                    : c.Users[(int)(c.Users.Length * Math.Pow(_rng.NextDouble(), 1.6))]; // some users are regulars
                Add(d, AnyTime(), RandomClient(), new ResourceSpread(resource.Id, user, _spreadActions[_rng.Next(_spreadActions.Length)]));
            }
        }

        private void Reviews(int d)
        {
            foreach (var resource in _resources)
            {
                if (resource.ReleaseDay <= d && _rng.NextDouble() < 0.05)
                {
                    Add(d, Daytime(), ClientKind.Web, new ResourceReviewed(resource.Id, (ReviewLevel)_rng.Next(1, 4)));
                }
            }
        }

        private void Logins(int d)
        {
            Add(d, Morning(), RandomClient(), Login.Instance);
            for (var n = _rng.Next(0, 3); n > 0; n--) Add(d, AnyTime(), RandomClient(), Login.Instance);
        }

        private void MobileOps(int d)
        {
            for (var n = _rng.Next(0, 5); n > 0; n--)
            {
                Add(d, AnyTime(), ClientKind.Mobile, new MobileOperation(_mobileKinds[_rng.Next(_mobileKinds.Length)]));
            }
        }

        private void Teaching(int d)
        {
            for (var n = _rng.Next(0, 4); n > 0; n--)
            {
                var recent = _sessions.Where(s => s.Day >= d - 2).ToList();
                // Clients resend sessions (the PC and the mobile app both report one, retries …).
                var id = recent.Count > 0 && _rng.NextDouble() < 0.25
                    ? recent[_rng.Next(recent.Count)].Id
                    : $"sess-{_id}-{_sessionCount++}";
                _sessions.Add((id, d));
                Add(d, Daytime(), _rng.Next(2) == 0 ? ClientKind.Pc : ClientKind.Mobile, new TeachingSession(id, _rng.Next(600, 2700)));
            }
        }

        private void Tasks(int d)
        {
            var roll = _rng.Next(100);
            var count = roll < 35 ? 1 : roll < 48 ? 2 : roll < 52 ? 3 : 0;
            for (var n = 0; n < count; n++)
            {
                var id = $"task-{_id}-{_taskCount++}";
                var published = Daytime();
                if (_rng.NextDouble() < 0.93)
                {
                    Add(d, published, RandomClient(), new TaskPublished(id, _taskKinds[_rng.Next(_taskKinds.Length)]));
                }
                for (var e = _rng.Next(3, 20); e > 0; e--)
                {
                    // Mostly after publication, over the next days; sometimes before it is published.
                    var offset = _rng.NextDouble() < 0.1 ? -_rng.Next(1, 7200) : _rng.Next(60, 2 * 86_400);
                    var at = published + offset;
                    var day = d + (int)Math.Floor(at / 86_400.0);
                    if (day >= c.DayCount) continue;
                    var student = $"stu-{index}-{_rng.Next(0, 40):D2}";
                    Add(Math.Max(0, day), Mod(at), ClientKind.Mobile, new TaskEngagement(id, student, _rng.Next(2) == 0));
                }
            }
        }

        private void Interactions(int d)
        {
            for (var n = _rng.Next(0, 16); n > 0; n--)
            {
                var who = _rng.Next(25);
                var counterpart = who < 15 ? $"stu-{index}-{who:D2}" : $"parent-{index}-{who:D2}";
                Add(d, AnyTime(), RandomClient(), new Interaction(counterpart, _interactionKinds[_rng.Next(_interactionKinds.Length)]));
            }
        }

        private void Apps(int d)
        {
            var registry = c.Pack.Rules.App.Registry;
            for (var n = _rng.Next(0, 6); n > 0; n--)
            {
                var app = _rng.NextDouble() < 0.03 ? UnknownApp : registry[_rng.Next(Math.Min(3, registry.Count))];
                Add(d, AnyTime(), RandomClient(), new AppUsage(app));
            }
        }

        private ProfileUpdated RandomProfile() => new(
            _rng.NextDouble() < 0.8, _rng.NextDouble() < 0.8, _rng.NextDouble() < 0.8, _rng.NextDouble() < 0.8);

        private ClientKind RandomClient() => _rng.Next(10) switch
        {
            < 5 => ClientKind.Pc,
            < 8 => ClientKind.Mobile,
            _ => ClientKind.Web,
        };

        private int Morning() => _rng.Next(6 * 3600, 9 * 3600);

        private int Daytime() => _rng.Next(7 * 3600, 22 * 3600);

        /// <summary>Seconds into the local day; one event in ten falls in the hour around midnight.</summary>
        private int AnyTime() => _rng.Next(20) switch
        {
            0 => _rng.Next(0, 1800),
            1 => _rng.Next(86_400 - 1800, 86_400),
            _ => Daytime(),
        };

        private static int Mod(int seconds) => ((seconds % 86_400) + 86_400) % 86_400;

        private void Add(int day, int secondOfDay, ClientKind client, ActivityBody body)
        {
            var local = c.FirstDay.AddDays(day).ToDateTime(TimeOnly.MinValue).AddSeconds(secondOfDay);
            var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), c.Zone);
            var occurred = new DateTimeOffset(utc, TimeSpan.Zero);
            // Half the events carry the zone's offset, as clients in Zhejiang would send them.
            if (_rng.Next(2) == 0) occurred = occurred.ToOffset(c.Zone.GetUtcOffset(utc));

            var roll = _rng.NextDouble();
            var delay = roll < 0.80 ? TimeSpan.FromSeconds(_rng.Next(0, 30))
                : roll < 0.91 ? TimeSpan.FromSeconds(_rng.Next(30, 3600))
                : roll < 0.98 ? TimeSpan.FromSeconds(_rng.Next(3600, (int)c.Pack.GraceLate.TotalSeconds - 60))
                : -TimeSpan.FromSeconds(_rng.Next(1, 240)); // a client clock a little ahead
            c.Events.Add(new AcceptedEvent(new ActivityEvent(c.NextEventId(), _id, occurred, client, body), occurred + delay));
        }
    }
}
