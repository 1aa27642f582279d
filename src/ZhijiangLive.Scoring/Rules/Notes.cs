namespace ZhijiangLive.Scoring.Rules;

/// <summary>The ledger's explanations. Built once per rule, so deciding an event allocates no string.</summary>
internal static class Notes
{
    public const string AlreadyCounted = "already counted";
    public const string OwnAction = "owner's own action";
    public const string ResourceDeleted = "resource deleted";
    public const string ProfileIncomplete = "profile incomplete";
    public const string ReviewTakenBack = "review points taken back";

    public static string DailyCap(int cap) => $"daily cap {cap} reached";

    public static string ItemCap(string item, int cap) => $"{item} cap {cap} reached";
}
