namespace ZhijiangLive.Silo.Live;

/// <summary>What changed between two messages of one subscription: only the sections that differ are sent.</summary>
public static class LiveDiff
{
    /// <summary>The changed sections (others null), or null when nothing a dashboard shows has changed.</summary>
    public static LiveMessage? Changes(LiveMessage before, LiveMessage after)
    {
        var kpi = after.Kpi == before.Kpi ? null : after.Kpi;
        var teachers = Same(before.TopTeachers, after.TopTeachers) ? null : after.TopTeachers;
        var schools = Same(before.TopSchools, after.TopSchools) ? null : after.TopSchools;
        var children = Same(before.Children, after.Children) ? null : after.Children;
        var sameDay = before.Date == after.Date;
        // The event rate rides along with whatever is sent; alone it is news too, for the sparkline.
        var sameRate = before.EventsPerSecond == after.EventsPerSecond;
        if (kpi is null && teachers is null && schools is null && children is null && sameDay && sameRate)
        {
            return null;
        }
        return after with { Kpi = kpi, TopTeachers = teachers, TopSchools = schools, Children = children };
    }

    private static bool Same<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);
}
