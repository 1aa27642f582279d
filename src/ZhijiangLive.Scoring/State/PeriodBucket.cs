namespace ZhijiangLive.Scoring.State;

/// <summary>A period (day, month or year) that events can still count in: its key and full breakdown.</summary>
public sealed class PeriodBucket(int key)
{
    public int Key { get; } = key;
    public PeriodTotals Totals;

    /// <summary>Only days have one, and only while they are inside the grace window.</summary>
    public DayWorkingSet? Working { get; set; }

    public DayWorkingSet EnsureWorking() => Working ??= new DayWorkingSet();
}
