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

    /// <summary>Counts the closings: a snapshot of the history is due when it moved past the one written.</summary>
    public long Changes { get; private set; }

    public IEnumerable<KeyValuePair<(Period Period, int Key), PeriodFigures>> Closed => _closed;

    public PeriodFigures? Find(Period period, int key) =>
        _closed.TryGetValue((period, key), out var figures) ? figures : null;

    /// <summary>Puts back what a snapshot of <paramref name="changes"/> closings held.</summary>
    internal void Restore(IEnumerable<KeyValuePair<(Period, int), PeriodFigures>> closed, long changes)
    {
        foreach (var (key, figures) in closed)
        {
            _closed[key] = figures;
        }
        Changes = Math.Max(Changes, changes);
    }

    internal void Close(PeriodKeys current, PeriodKeys next, in GroupTotals totals)
    {
        foreach (var period in Periods.Periods.All)
        {
            if (current[period] != next[period])
            {
                _closed[(period, current[period])] = PeriodFigures.Of(totals, period);
                Changes++;
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
