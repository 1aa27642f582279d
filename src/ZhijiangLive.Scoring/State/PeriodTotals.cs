namespace ZhijiangLive.Scoring.State;

/// <summary>What a teacher earned in one period: per rule, in all, and from mobile clients.</summary>
public struct PeriodTotals
{
    public RulePoints ByRule;
    public int Total;
    public int Mobile;

    public void Add(int ruleIndex, int points, int mobilePoints)
    {
        ByRule[ruleIndex] += points;
        Total += points;
        Mobile += mobilePoints;
    }

    public readonly int Of(int ruleIndex) => ByRule[ruleIndex];
}
