using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Rules;

/// <summary><c>profile</c>: paid by the first update at which all four parts are filled in, never again.</summary>
internal sealed class OnceEverRule(OnceEverSettings settings)
{
    public const int Index = 1;

    public RuleDecision Decide(TeacherState state, ProfileUpdated update)
    {
        if (state.ProfileCompleted)
        {
            return RuleDecision.Refuse(Notes.AlreadyCounted);
        }
        if (!update.IsComplete)
        {
            return RuleDecision.Refuse(Notes.ProfileIncomplete);
        }
        state.ProfileCompleted = true;
        return RuleDecision.Award(settings.Points);
    }
}
