using ZhijiangLive.Scoring.Time;

namespace ZhijiangLive.Scoring.RulePacks;

/// <summary>Refuses packs whose numbers would make the rules meaningless, naming the first bad setting.</summary>
internal static class RulePackValidator
{
    public static void ThrowIfInvalid(RulePack pack)
    {
        var problems = Problems(pack).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"rule pack '{pack.Id}' is not valid: {string.Join("; ", problems)}");
        }
    }

    private static IEnumerable<string> Problems(RulePack pack)
    {
        if (string.IsNullOrWhiteSpace(pack.Id)) yield return "id is empty";
        if (pack.GraceLate < TimeSpan.Zero) yield return "graceLate is negative";
        if (pack.GraceEarly < TimeSpan.Zero) yield return "graceEarly is negative";
        if (pack.DayHistoryDays < 0) yield return "dayHistoryDays is negative";
        if (pack.TaskRetentionDays < 1) yield return "taskRetentionDays must be at least 1";
        if (!ZoneCalendarFactory.TryFind(pack.TimeZone, out _)) yield return $"timeZone '{pack.TimeZone}' is unknown";

        var r = pack.Rules;
        if (r.Login.StreakDays < 1) yield return "rules.login.streakDays must be at least 1";
        if (r.ResourceSpread.ItemCap < 0) yield return "rules.resourceSpread.itemCap is negative";
        if (r.Guidance.Threshold < 1) yield return "rules.guidance.threshold must be at least 1";
        var lastAt = 0;
        foreach (var tier in r.Interaction.Tiers)
        {
            if (tier is null)
            {
                yield return "rules.interaction.tiers holds a null tier";
                continue;
            }
            if (tier.At <= lastAt) yield return "rules.interaction.tiers must have increasing 'at' values above 0";
            lastAt = tier.At;
        }
        if (r.App.DailyCapPerApp > byte.MaxValue) yield return "rules.app.dailyCapPerApp is above 255";
        if (r.App.Registry.Count == 0) yield return "rules.app.registry is empty";
        if (r.App.Registry.Any(string.IsNullOrEmpty)) yield return "rules.app.registry holds an empty app id";
        if (r.App.Registry.Count > 64) yield return "rules.app.registry holds more than 64 apps";
        if (r.App.Registry.Distinct(StringComparer.Ordinal).Count() != r.App.Registry.Count) yield return "rules.app.registry repeats an app";

        var caps = new[]
        {
            ("login.dailyCap", r.Login.DailyCap), ("login.streakDailyCap", r.Login.StreakDailyCap),
            ("mobileOp.dailyCap", r.MobileOp.DailyCap), ("resourceSpread.dailyCap", r.ResourceSpread.DailyCap),
            ("teaching.dailyCap", r.Teaching.DailyCap), ("guidance.dailyCap", r.Guidance.DailyCap),
            ("interaction.dailyCap", r.Interaction.DailyCap), ("app.dailyCapPerApp", r.App.DailyCapPerApp),
        };
        foreach (var (name, cap) in caps)
        {
            if (cap < 0) yield return $"rules.{name} is negative";
        }
    }
}
