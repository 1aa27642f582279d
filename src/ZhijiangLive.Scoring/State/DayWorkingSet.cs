namespace ZhijiangLive.Scoring.State;

/// <summary>
/// What the daily caps of one day need to remember beyond its point totals. Dropped as soon as the
/// day leaves the grace window, since no event can count in it any more.
/// </summary>
public sealed class DayWorkingSet
{
    // Lists, not sets: a day holds at most a tier's worth of counterparts and a handful of sessions, so a
    // linear search is as fast as hashing and a list is a fraction of a set's size.
    public List<string>? Counterparts { get; set; }
    public List<string>? Sessions { get; set; }

    /// <summary>Points earned per app that day, indexed by the app's position in the registry.</summary>
    public byte[]? AppPoints { get; set; }
}
