namespace ZhijiangLive.Scoring;

/// <summary>The public rule ids of SPEC §4 and their dense indexes for per-rule arrays.</summary>
public static class RuleIds
{
    public const string Login = "login";
    public const string Profile = "profile";
    public const string MobileOp = "mobile_op";
    public const string ResourceSpread = "resource_spread";
    public const string ResourceReview = "resource_review";
    public const string Teaching = "teaching";
    public const string Guidance = "guidance";
    public const string Interaction = "interaction";
    public const string App = "app";

    public const int Count = 9;

    /// <summary>Ids in index order: <c>All[i]</c> is the rule whose points sit at index <c>i</c>.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Login, Profile, MobileOp, ResourceSpread, ResourceReview, Teaching, Guidance, Interaction, App];

    public static int IndexOf(string ruleId)
    {
        for (var i = 0; i < Count; i++)
        {
            if (All[i] == ruleId)
            {
                return i;
            }
        }
        throw new ArgumentException($"unknown rule id '{ruleId}'", nameof(ruleId));
    }
}
