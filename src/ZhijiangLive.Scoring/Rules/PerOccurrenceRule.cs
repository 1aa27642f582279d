using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Rules;

/// <summary>
/// <c>mobile_op</c> and <c>teaching</c>: points per occurrence under a daily cap. Teaching sessions carry
/// an id, and the same id counts once while any day it could count in is open.
/// </summary>
internal sealed class PerOccurrenceRule(int index, PerOccurrenceSettings settings)
{
    private readonly string _capNote = Notes.DailyCap(settings.DailyCap);

    public int Index { get; } = index;

    public RuleDecision Decide(PeriodBucket day) =>
        CapMath.Fit(settings.Points, day.Totals.Of(Index), settings.DailyCap) is var award and > 0
            ? RuleDecision.Award(award)
            : RuleDecision.Refuse(_capNote);

    public RuleDecision DecideDistinct(TeacherState state, PeriodBucket day, string occurrenceId)
    {
        foreach (var open in state.Days.Live)
        {
            if (open.Working?.Sessions?.Contains(occurrenceId, StringComparer.Ordinal) == true)
            {
                return RuleDecision.Refuse(Notes.AlreadyCounted);
            }
        }
        (day.EnsureWorking().Sessions ??= new List<string>(2)).Add(occurrenceId);
        return Decide(day);
    }
}
