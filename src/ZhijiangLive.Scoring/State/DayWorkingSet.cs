namespace ZhijiangLive.Scoring.State;

/// <summary>
/// What the daily caps of one day need to remember beyond its point totals. Dropped as soon as the
/// day leaves the grace window, since no event can count in it any more.
/// </summary>
public sealed class DayWorkingSet
{
    public HashSet<string>? Counterparts { get; set; }
    public HashSet<string>? Sessions { get; set; }

    /// <summary>Points earned per app that day, indexed by the app's position in the registry.</summary>
    public byte[]? AppPoints { get; set; }
}
