using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Tests;

/// <summary>
/// One teacher under test: a scorer, its state, an event-id counter and an acceptance clock. Unless a
/// test sets <see cref="AcceptAt"/>, every event is accepted at the instant it occurred, so the grace
/// window never interferes. Scoring methods assert that the event was not rejected and return its entry.
/// </summary>
internal sealed class TeacherHarness
{
    public const string TeacherId = "t1";

    private int _nextEventId;

    public TeacherHarness(RulePack? pack = null, string teacherId = TeacherId)
    {
        State = new TeacherState(teacherId);
        Pack = pack ?? RulePackLoader.Default;
        Scorer = new TeacherScorer(Pack);
        Reader = new ScoreReader(Pack);
    }

    public RulePack Pack { get; }
    public TeacherScorer Scorer { get; }
    public ScoreReader Reader { get; }
    public TeacherState State { get; }

    /// <summary>Every decided entry, in acceptance order.</summary>
    public List<LedgerEntry> Ledger { get; } = [];

    /// <summary>Every accepted event with the instant it was accepted at, as a journal would keep them.</summary>
    public List<(ActivityEvent Event, DateTimeOffset AcceptedAt)> Journal { get; } = [];

    /// <summary>A fixed acceptance instant for the next events; null accepts each at its own occurrence.</summary>
    public DateTimeOffset? AcceptAt { get; set; }

    public string LastEventId => $"e{_nextEventId}";

    public LedgerEntry Login(DateTimeOffset at, ClientKind client = ClientKind.Pc) => Score(Events.Login.Instance, at, client);

    public LedgerEntry Profile(DateTimeOffset at, bool avatar = true, bool contact = true, bool school = true, bool subject = true) =>
        Score(new ProfileUpdated(avatar, contact, school, subject), at);

    public LedgerEntry MobileOp(DateTimeOffset at) => Score(new MobileOperation("message"), at, ClientKind.Mobile);

    public LedgerEntry Spread(string resource, string user, DateTimeOffset at, string action = "download") =>
        Score(new ResourceSpread(resource, user, action), at);

    public LedgerEntry Review(string resource, ReviewLevel level, DateTimeOffset at) => Score(new ResourceReviewed(resource, level), at);

    public LedgerEntry Delete(string resource, DateTimeOffset at) => Score(new ResourceDeleted(resource), at);

    public LedgerEntry Teach(string session, DateTimeOffset at, ClientKind client = ClientKind.Pc) =>
        Score(new TeachingSession(session, 2700), at, client);

    public LedgerEntry Publish(string task, DateTimeOffset at) => Score(new TaskPublished(task, "homework"), at);

    public LedgerEntry Engage(string task, string student, DateTimeOffset at) => Score(new TaskEngagement(task, student, Completed: true), at);

    /// <summary>Students s1..sN engage with <paramref name="task"/>; returns the last one's entry.</summary>
    public LedgerEntry EngageStudents(string task, int count, DateTimeOffset at, int firstStudent = 1)
    {
        LedgerEntry last = default;
        for (var i = firstStudent; i < firstStudent + count; i++)
        {
            last = Engage(task, $"s{i}", at);
        }
        return last;
    }

    public LedgerEntry Interact(string counterpart, DateTimeOffset at) => Score(new Interaction(counterpart, "message"), at);

    /// <summary>Counterparts c1..cN; returns every entry.</summary>
    public List<LedgerEntry> InteractWith(int count, DateTimeOffset at, int first = 1) =>
        Enumerable.Range(first, count).Select(i => Interact($"c{i}", at)).ToList();

    public LedgerEntry UseApp(string app, DateTimeOffset at, ClientKind client = ClientKind.Pc) => Score(new AppUsage(app), at, client);

    /// <summary>Scores <paramref name="body"/>, asserting the event was accepted.</summary>
    public LedgerEntry Score(ActivityBody body, DateTimeOffset at, ClientKind client = ClientKind.Pc)
    {
        var outcome = Offer(body, at, client);
        Assert.False(outcome.IsRejected, $"event {LastEventId} was rejected: {outcome.Rejection} {outcome.Detail}");
        Assert.Equal(LastEventId, outcome.Entry.EventId);
        return outcome.Entry;
    }

    /// <summary>Offers <paramref name="body"/> without asserting anything about the outcome.</summary>
    public ScoreOutcome Offer(ActivityBody body, DateTimeOffset at, ClientKind client = ClientKind.Pc) =>
        Offer(new ActivityEvent(NextEventId(), State.TeacherId, at, client, body));

    public ScoreOutcome Offer(ActivityEvent e)
    {
        var acceptedAt = AcceptAt ?? e.OccurredAt;
        var outcome = Scorer.Apply(State, e, acceptedAt);
        if (!outcome.IsRejected)
        {
            Ledger.Add(outcome.Entry);
            Journal.Add((e, acceptedAt));
        }
        return outcome;
    }

    public string NextEventId() => $"e{++_nextEventId}";

    public TeacherScores Scores(DateOnly date) => Reader.Read(State, date);

    /// <summary>Points of <paramref name="rule"/> in the live day <paramref name="date"/>.</summary>
    public int DayPoints(DateOnly date, string rule) => Scores(date).Day.ByRule[rule];
}

/// <summary>Fixed instants in Asia/Shanghai (UTC+8), the default zone. Never the wall clock.</summary>
internal static class Shanghai
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>A Monday in an ordinary month, far from any month or year end.</summary>
    public static readonly DateOnly Day1 = new(2026, 3, 2);

    /// <summary>Local wall time on <paramref name="date"/> in Shanghai.</summary>
    public static DateTimeOffset At(DateOnly date, int hour = 10, int minute = 0, int second = 0) =>
        new(date.ToDateTime(new TimeOnly(hour, minute, second)), Offset);

    /// <summary>10:00 local on <see cref="Day1"/> plus <paramref name="days"/>.</summary>
    public static DateTimeOffset OnDay(int days, int hour = 10, int minute = 0) => At(Day1.AddDays(days), hour, minute);

    public static DateOnly Date(int days) => Day1.AddDays(days);
}

/// <summary>Assertions on ledger entries that read as the rules: paid, refused, taken back.</summary>
internal static class LedgerAssert
{
    public static void Paid(LedgerEntry entry, string rule, int points, DateOnly day) =>
        Assert.Equal((rule, points, day, (string?)null), (entry.Rule, entry.Points, entry.Day, entry.Note));

    public static void Refused(LedgerEntry entry, string rule, DateOnly day, string note) =>
        Assert.Equal((rule, 0, day, (string?)note), (entry.Rule, entry.Points, entry.Day, entry.Note));

    public static void Entry(LedgerEntry entry, string rule, int points, DateOnly day, string? note) =>
        Assert.Equal((rule, points, day, note), (entry.Rule, entry.Points, entry.Day, entry.Note));
}
