using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Scoring.Tests.Rubrics;

/// <summary>
/// A random year of one candidate's activity in 2026, with every kind the rubrics measure, 5 % of it
/// arriving up to 60 h late, in acceptance order; and the instant the candidate registers.
/// </summary>
internal sealed class SeededYear
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);
    private readonly Random _rng;
    private readonly string _teacher;
    private readonly List<(ActivityEvent Event, DateTimeOffset AcceptedAt)> _events = [];
    private int _nextId;

    public SeededYear(int seed, string teacher, bool registerAtNewYear)
    {
        _rng = new Random(seed);
        _teacher = teacher;
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, Offset);
        RegisteredAt = registerAtNewYear ? start : start.AddDays(_rng.Next(20, 300)).AddMinutes(_rng.Next(24 * 60));
        for (var day = 0; day < 365; day++)
        {
            AddDay(start.AddDays(day), day);
        }
        Accepted = _events.OrderBy(e => e.AcceptedAt).ThenBy(e => e.Event.EventId, StringComparer.Ordinal).ToList();
    }

    public DateTimeOffset RegisteredAt { get; }
    public IReadOnlyList<(ActivityEvent Event, DateTimeOffset AcceptedAt)> Accepted { get; }

    private void AddDay(DateTimeOffset midnight, int day)
    {
        DateTimeOffset At() => midnight.AddMinutes(_rng.Next(6 * 60, 23 * 60));
        ClientKind Client() => _rng.Next(3) == 0 ? ClientKind.Mobile : ClientKind.Pc;
        string Student() => $"s{_rng.Next(30)}";

        Add(At(), Client(), Login.Instance);
        for (var n = _rng.Next(3); n > 0; n--) Add(At(), ClientKind.Mobile, new MobileOperation("message"));
        if (_rng.Next(2) == 0)
        {
            var kind = _rng.Next(4) switch { 0 => "micro_course", 1 => "courseware", 2 => "lesson_plan", _ => "exercise" };
            Add(At(), Client(), new ResourcePublished($"r{day}", kind, Original: _rng.Next(2) == 0));
        }
        for (var n = _rng.Next(12); n > 0; n--)
        {
            var user = _rng.Next(40) == 0 ? _teacher : $"u{_rng.Next(160)}";
            var action = _rng.Next(5) switch { 0 => "view", 1 => "download", 2 => "share", 3 => "repost", _ => "favourite" };
            Add(At(), Client(), new ResourceSpread($"r{_rng.Next(Math.Max(1, day - 40), day + 1)}", user, action));
        }
        if (_rng.Next(6) == 0) Add(At(), Client(), new ResourceReviewed($"r{_rng.Next(day + 1)}", (ReviewLevel)_rng.Next(1, 4)));
        if (_rng.Next(3) == 0) Add(At(), Client(), new ResourceReviewed($"r{_rng.Next(day + 1)}", ReviewLevel.Province));
        if (_rng.Next(25) == 0) Add(At(), Client(), new ResourceDeleted($"r{_rng.Next(day + 1)}"));
        for (var n = _rng.Next(3); n > 0; n--)
        {
            Add(At(), Client(), new TeachingSession($"ts{_rng.Next(day * 3, day * 3 + 4)}", _rng.Next(60, 900)));
        }
        if (_rng.Next(3) == 0)
        {
            var task = $"k{day}";
            Add(At(), Client(), new TaskPublished(task, _rng.Next(2) == 0 ? "homework" : "community"));
            for (var n = _rng.Next(14); n > 0; n--) Add(At(), Client(), new TaskEngagement(task, Student(), _rng.Next(2) == 0));
        }
        for (var n = _rng.Next(3); n > 0; n--) Add(At(), Client(), new HomeworkMarked($"k{_rng.Next(day + 1)}", Student()));
        for (var n = _rng.Next(8); n > 0; n--) Add(At(), Client(), new Interaction(Student(), _rng.Next(3) == 0 ? "home_school" : "answer"));
        for (var n = _rng.Next(4); n > 0; n--)
        {
            var user = _rng.Next(30) == 0 ? _teacher : $"f{_rng.Next(60)}";
            Add(At(), Client(), new SpaceFollowed(user, Unfollowed: _rng.Next(4) == 0));
        }
        if (_rng.Next(8) == 0) Add(At(), Client(), new SpaceFollowing($"space{_rng.Next(16)}", Unfollowed: _rng.Next(5) == 0));
        for (var n = _rng.Next(25); n > 0; n--) Add(At(), Client(), new SpaceVisited(_rng.Next(50) == 0 ? _teacher : $"v{_rng.Next(40)}"));
        for (var n = _rng.Next(4); n > 0; n--)
        {
            Add(At(), Client(), new ReviewReceived($"u{_rng.Next(200)}", _rng.Next(2) == 0 ? "space" : "like", Positive: _rng.Next(5) != 0));
        }
    }

    private void Add(DateTimeOffset at, ClientKind client, ActivityBody body)
    {
        var late = _rng.Next(20) == 0 ? TimeSpan.FromMinutes(_rng.Next(60 * 60)) : TimeSpan.Zero;
        _events.Add((new ActivityEvent($"{_teacher}-e{++_nextId}", _teacher, at, client, body), at + late));
    }
}
