using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Rules;

/// <summary><c>app</c>: points per use of a registered provincial app, under a daily cap for each app.</summary>
internal sealed class PerAppDailyRule(PerItemDailySettings settings)
{
    public const int Index = 8;
    private readonly string _capNote = Notes.DailyCap(settings.DailyCapPerApp);
    private readonly Dictionary<string, int> _registry = settings.Registry
        .Select((app, position) => (app, position))
        .ToDictionary(p => p.app, p => p.position, StringComparer.Ordinal);

    public bool IsRegistered(string appId) => _registry.ContainsKey(appId);

    public RuleDecision Decide(PeriodBucket day, string appId)
    {
        var position = _registry[appId];
        var used = day.EnsureWorking().AppPoints ??= new byte[_registry.Count];
        var award = CapMath.Fit(settings.Points, used[position], settings.DailyCapPerApp);
        if (award == 0)
        {
            return RuleDecision.Refuse(_capNote);
        }
        used[position] = (byte)Math.Min(byte.MaxValue, used[position] + award);
        return RuleDecision.Award(award);
    }
}
