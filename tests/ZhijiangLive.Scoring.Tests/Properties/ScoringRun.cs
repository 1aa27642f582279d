using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.State;
using ZhijiangLive.Scoring.Time;

namespace ZhijiangLive.Scoring.Tests.Properties;

/// <summary>An accepted event with what the scorer made of it.</summary>
public sealed record AppliedEvent(AcceptedEvent Accepted, ScoreOutcome Outcome)
{
    public LedgerEntry Entry => Outcome.Entry;
}

/// <summary>
/// A generated stream applied, in acceptance order and interleaved across teachers, through one scorer,
/// the way ingest would: the states it leaves and, per teacher, every outcome in order.
/// </summary>
public sealed class ScoringRun
{
    private ScoringRun(GeneratedStream stream, RulePack pack)
    {
        Stream = stream;
        Pack = pack;
        Scorer = new TeacherScorer(pack);
        Reader = new ScoreReader(pack);
        foreach (var teacher in stream.Teachers)
        {
            States[teacher] = new TeacherState(teacher);
            Applied[teacher] = [];
        }
    }

    public GeneratedStream Stream { get; }
    public RulePack Pack { get; }
    public TeacherScorer Scorer { get; }
    public ScoreReader Reader { get; }
    public Dictionary<string, TeacherState> States { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<AppliedEvent>> Applied { get; } = new(StringComparer.Ordinal);

    /// <summary>Every date an event of the stream can count in.</summary>
    public IEnumerable<DateOnly> Dates =>
        Enumerable.Range(0, Stream.DayCount).Select(Stream.FirstDay.AddDays);

    /// <summary>The outcomes that were decided (not rejected) for <paramref name="teacher"/>, in order.</summary>
    public IEnumerable<AppliedEvent> Decided(string teacher) => Applied[teacher].Where(a => !a.Outcome.IsRejected);

    /// <summary>
    /// Applies <paramref name="stream"/>. <paramref name="checkpoint"/>, if given, runs whenever acceptance
    /// moves into a new day of the pack's calendar (before that day's first event) and once at the end.
    /// </summary>
    public static ScoringRun Execute(GeneratedStream stream, RulePack? pack = null, Action<ScoringRun>? checkpoint = null)
    {
        var run = new ScoringRun(stream, pack ?? RulePackLoader.Default);
        var calendar = ZoneCalendar.ForZone(run.Pack.TimeZone);
        var acceptanceDay = int.MinValue;
        foreach (var accepted in stream.Events)
        {
            var day = calendar.DayOf(accepted.AcceptedAt);
            if (checkpoint is not null && day != acceptanceDay && acceptanceDay != int.MinValue)
            {
                checkpoint(run);
            }
            acceptanceDay = day;
            var e = accepted.Event;
            var outcome = run.Scorer.Apply(run.States[e.TeacherId], e, accepted.AcceptedAt);
            run.Applied[e.TeacherId].Add(new AppliedEvent(accepted, outcome));
        }
        checkpoint?.Invoke(run);
        return run;
    }
}
