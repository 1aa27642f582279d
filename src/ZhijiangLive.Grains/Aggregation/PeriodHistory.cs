using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>
/// A group's figures for periods that have closed, as they stood at midnight. Late reports after a
/// period closed change the teachers' own scores, not these.
/// </summary>
public sealed class PeriodHistory
{
    private const int DaysKept = 62;
    private readonly Dictionary<(Period, int), PeriodFigures> _closed = [];

    public PeriodFigures? Find(Period period, int key) =>
        _closed.TryGetValue((period, key), out var figures) ? figures : null;

    internal void Close(PeriodKeys current, PeriodKeys next, in GroupTotals totals)
    {
        foreach (var period in Periods.Periods.All)
        {
            if (current[period] != next[period])
            {
                _closed[(period, current[period])] = PeriodFigures.Of(totals, period);
            }
        }
        foreach (var key in _closed.Keys)
        {
            if (key.Item1 == Period.Day && key.Item2 < next.Day - DaysKept)
            {
                _closed.Remove(key);
            }
        }
    }
}
