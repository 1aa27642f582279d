using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Rules;

/// <summary>
/// <c>login</c>: a point a login, capped per day; from the streak's Nth consecutive day on (N included),
/// more per login under a higher cap.
/// </summary>
internal sealed class StreakBonusRule(StreakBonusSettings settings)
{
    public const int Index = 0;
    private readonly string _baseCapNote = Notes.DailyCap(settings.DailyCap);
    private readonly string _streakCapNote = Notes.DailyCap(settings.StreakDailyCap);

    public RuleDecision Decide(TeacherState state, PeriodBucket day)
    {
        state.Logins.Add(day.Key);
        var onStreak = state.Logins.StreakEndingAt(day.Key) >= settings.StreakDays;
        var (points, cap, note) = onStreak
            ? (settings.StreakPoints, settings.StreakDailyCap, _streakCapNote)
            : (settings.Points, settings.DailyCap, _baseCapNote);
        var award = CapMath.Fit(points, day.Totals.Of(Index), cap);
        return award > 0 ? RuleDecision.Award(award) : RuleDecision.Refuse(note);
    }
}
