using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Rules;

/// <summary>
/// <c>resource_review</c>: each approval level pays once per resource, in any order; deleting the
/// resource takes back everything its reviews earned, and approvals after that earn nothing.
/// </summary>
internal sealed class StagedApprovalRule(StagedApprovalSettings settings)
{
    public const int Index = 4;

    public RuleDecision Decide(TeacherState state, ResourceReviewed review, bool mobile)
    {
        var resource = state.Resource(review.ResourceId);
        if (resource.Deleted)
        {
            return RuleDecision.Refuse(Notes.ResourceDeleted);
        }
        var levelBit = (byte)(1 << (int)review.Level);
        if ((resource.ReviewLevelsPaid & levelBit) != 0)
        {
            return RuleDecision.Refuse(Notes.AlreadyCounted);
        }
        var points = review.Level switch
        {
            ReviewLevel.County => settings.County,
            ReviewLevel.City => settings.City,
            ReviewLevel.Province => settings.Province,
            _ => throw new ArgumentOutOfRangeException(nameof(review), review.Level, "review level must be validated first"),
        };
        resource.ReviewLevelsPaid |= levelBit;
        resource.ReviewPoints += points;
        if (mobile)
        {
            resource.MobileReviewPoints += points;
        }
        return RuleDecision.Award(points);
    }

    public static RuleDecision Decide(TeacherState state, ResourceDeleted deletion)
    {
        var resource = state.Resource(deletion.ResourceId);
        if (resource.Deleted)
        {
            return RuleDecision.Refuse(Notes.AlreadyCounted);
        }
        resource.Deleted = true;
        resource.Spreaders = null;
        var takenBack = resource.ReviewPoints;
        var mobileTakenBack = resource.MobileReviewPoints;
        resource.ReviewPoints = 0;
        resource.MobileReviewPoints = 0;
        return new RuleDecision(-takenBack, takenBack > 0 ? Notes.ReviewTakenBack : null, -mobileTakenBack);
    }
}
