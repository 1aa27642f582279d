using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Rules;

/// <summary>
/// <c>resource_spread</c>: a point per distinct user who spreads a resource, under a daily cap per
/// teacher and a lifetime cap per resource. Every new spreader is counted, paid or not, so the spread
/// count stays exact; the owner never counts.
/// </summary>
internal sealed class DistinctPerItemRule(DistinctPerItemSettings settings)
{
    public const int Index = 3;
    private readonly string _dailyCapNote = Notes.DailyCap(settings.DailyCap);
    private readonly string _itemCapNote = Notes.ItemCap("resource", settings.ItemCap);

    public RuleDecision Decide(TeacherState state, PeriodBucket day, ResourceSpread spread)
    {
        if (string.Equals(spread.UserId, state.TeacherId, StringComparison.Ordinal))
        {
            return RuleDecision.Refuse(Notes.OwnAction);
        }
        var resource = state.Resource(spread.ResourceId);
        if (resource.Deleted)
        {
            return RuleDecision.Refuse(Notes.ResourceDeleted);
        }
        if (!(resource.Spreaders ??= new HashSet<string>(StringComparer.Ordinal)).Add(spread.UserId))
        {
            return RuleDecision.Refuse(Notes.AlreadyCounted);
        }
        resource.SpreadCount++;

        var underItemCap = CapMath.Fit(settings.Points, resource.SpreadPoints, settings.ItemCap);
        if (underItemCap == 0)
        {
            return RuleDecision.Refuse(_itemCapNote);
        }
        var award = CapMath.Fit(underItemCap, day.Totals.Of(Index), settings.DailyCap);
        if (award == 0)
        {
            return RuleDecision.Refuse(_dailyCapNote);
        }
        resource.SpreadPoints += award;
        return RuleDecision.Award(award);
    }
}
