using ZhijiangLive.Scoring.RulePacks;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>
/// When a teacher is an active space and when a school meets its targets (SPEC §5). A school meets
/// both targets when, for <see cref="TargetPeriod"/>, its active-space ratio and its mean score reach them.
/// </summary>
public sealed record FigureRules(ActiveThresholds Thresholds)
{
    public double SchoolActiveRatioTarget { get; init; } = 0.15;
    public double SchoolMeanScoreTarget { get; init; } = 300;
    public Periods.Period TargetPeriod { get; init; } = Periods.Period.Year;

    public int ThresholdOf(Periods.Period period) => period switch
    {
        Periods.Period.Day => Thresholds.Day,
        Periods.Period.Month => Thresholds.Month,
        _ => Thresholds.Year,
    };

    public bool MeetsTargets(in GroupTotals school) =>
        MeetsTargets(school.Members, school.Sum(TargetPeriod), school.Active(TargetPeriod));

    /// <summary>Whether a school of <paramref name="members"/> with these figures for <see cref="TargetPeriod"/> meets both targets.</summary>
    public bool MeetsTargets(int members, long sum, int active) =>
        members > 0
        && (double)active / members >= SchoolActiveRatioTarget
        && (double)sum / members >= SchoolMeanScoreTarget;
}
