namespace ZhijiangLive.Scoring;

/// <summary>
/// A teacher's points in one period. <see cref="ByRule"/> holds every rule id of SPEC §4, except for a
/// period that closed to its totals (older than the grace window), where it is empty.
/// </summary>
public sealed record PeriodScore(int Points, int MobilePoints, IReadOnlyDictionary<string, int> ByRule)
{
    public static PeriodScore Nothing { get; } = new(0, 0, RuleIds.All.ToDictionary(id => id, _ => 0));

    /// <summary>Points from mobile clients over all points; 0 when there are none.</summary>
    public double MobileShare => Points > 0 ? (double)MobilePoints / Points : 0;
}
