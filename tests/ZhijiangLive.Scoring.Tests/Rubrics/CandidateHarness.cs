using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.Rubrics;
using ZhijiangLive.Scoring.Rubrics.Measures;
using ZhijiangLive.Scoring.Rubrics.Sheets;
using static ZhijiangLive.Scoring.Tests.Shanghai;

namespace ZhijiangLive.Scoring.Tests.Rubrics;

/// <summary>
/// One candidate under test: the scorer takes each event first, as a teacher grain does, then the measure
/// keeper. Registered for <see cref="Rubric"/> and 2026 from <see cref="RegisteredFrom"/> unless told otherwise.
/// </summary>
internal sealed class CandidateHarness
{
    private readonly MeasureKeeper _keeper;

    public CandidateHarness(string rubricId, DateTimeOffset? registeredFrom = null, bool register = true, string teacherId = TeacherHarness.TeacherId)
    {
        Rubric = RubricLoader.Shipped[rubricId];
        Teacher = new TeacherHarness(teacherId: teacherId);
        _keeper = new MeasureKeeper(Teacher.Scorer.Calendar);
        RegisteredFrom = registeredFrom ?? OnDay(0, hour: 0);
        if (register)
        {
            Register(RegisteredFrom);
        }
    }

    public Rubric Rubric { get; }
    public TeacherHarness Teacher { get; }
    public DateTimeOffset RegisteredFrom { get; }
    public TeacherMeasures? Measures { get; private set; }
    public Dictionary<string, decimal> Expert { get; } = [];
    public const int Year = 2026;

    public void Register(DateTimeOffset from) => Measures = MeasureKeeper.Register(Measures, Rubric.Id, Year, from);

    /// <summary>Offers an event; if the scorer accepts it, the keeper takes it. Returns whether it was accepted.</summary>
    public bool Offer(ActivityBody body, DateTimeOffset at, ClientKind client = ClientKind.Pc)
    {
        var e = new ActivityEvent(Teacher.NextEventId(), Teacher.State.TeacherId, at, client, body);
        var outcome = Teacher.Offer(e);
        if (!outcome.IsRejected)
        {
            Measures = _keeper.Observe(Measures, Teacher.State, e);
        }
        return !outcome.IsRejected;
    }

    /// <summary>Offers <paramref name="count"/> events made by <paramref name="body"/> from their index, each asserted accepted.</summary>
    public void Repeat(int count, Func<int, ActivityBody> body, Func<int, DateTimeOffset>? at = null, ClientKind client = ClientKind.Pc)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(Offer(body(i), at?.Invoke(i) ?? OnDay(1), client), $"event {i} was rejected");
        }
    }

    public CandidateFigures Figures() => CandidateFigures.Read(Rubric, Year, Teacher.State, Measures, Expert);

    /// <summary>This candidate's sheet, ranked among itself and <paramref name="others"/>.</summary>
    public RubricSheet Sheet(params CandidateFigures[] others) =>
        SheetCalculator.Rank(Rubric, [Figures(), .. others]).Single(s => s.TeacherId == Teacher.State.TeacherId);

    public SheetItem Item(string itemId, params CandidateFigures[] others) => Sheet(others).Items.Single(i => i.Id == itemId);

    public decimal Points(string itemId, params CandidateFigures[] others) => Item(itemId, others).Points;

    public long Value(string measure, int? threshold = null, string? kind = null) =>
        MeasureReader.Value(new MeasureRef(measure, threshold, kind), Teacher.State, Measures, Measures?.TallyFor(Rubric.Id, Year), Year);
}
