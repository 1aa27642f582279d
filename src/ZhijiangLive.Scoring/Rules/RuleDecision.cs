namespace ZhijiangLive.Scoring.Rules;

/// <summary>What a rule decided about one event: points (possibly zero or negative) and, if refused, why.</summary>
public readonly record struct RuleDecision(int Points, string? Note)
{
    public static RuleDecision Award(int points) => new(points, null);

    public static RuleDecision Refuse(string note) => new(0, note);
}
