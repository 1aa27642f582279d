namespace ZhijiangLive.Scoring.Rules;

/// <summary>What a rule decided about one event: points (possibly zero or negative) and, if refused, why.</summary>
/// <param name="MobilePoints">The part of <paramref name="Points"/> owed to mobile clients, when a rule knows
/// better than the event's own client (a take-back follows the clients that earned the points).</param>
public readonly record struct RuleDecision(int Points, string? Note, int? MobilePoints = null)
{
    public static RuleDecision Award(int points) => new(points, null);

    public static RuleDecision Refuse(string note) => new(0, note);
}
