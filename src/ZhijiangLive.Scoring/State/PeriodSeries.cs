namespace ZhijiangLive.Scoring.State;

/// <summary>
/// The periods of one length (days, months or years) a teacher scored in. Periods that events can
/// still reach are live, with a per-rule breakdown; older ones are closed to their totals, which is
/// what keeps a year of history small.
/// </summary>
public sealed class PeriodSeries
{
    // Both lists stay sorted by key and short: a handful of live periods, a bounded closed history.
    private readonly List<PeriodBucket> _live = new(2);
    // Most series never close a period in a teacher's first days; the list comes with the first one.
    private List<ClosedPeriod>? _closed;

    public IReadOnlyList<PeriodBucket> Live => _live;
    public IReadOnlyList<ClosedPeriod> Closed => (IReadOnlyList<ClosedPeriod>?)_closed ?? [];

    public PeriodBucket GetOrAdd(int key)
    {
        for (var i = _live.Count - 1; i >= 0; i--)
        {
            var bucket = _live[i];
            if (bucket.Key == key)
            {
                return bucket;
            }
            if (bucket.Key < key)
            {
                var added = new PeriodBucket(key);
                _live.Insert(i + 1, added);
                return added;
            }
        }
        var first = new PeriodBucket(key);
        _live.Insert(0, first);
        return first;
    }

    public PeriodBucket? FindLive(int key)
    {
        foreach (var bucket in _live)
        {
            if (bucket.Key == key)
            {
                return bucket;
            }
        }
        return null;
    }

    public ClosedPeriod? FindClosed(int key)
    {
        if (_closed is null)
        {
            return null;
        }
        foreach (var closed in _closed)
        {
            if (closed.Key == key)
            {
                return closed;
            }
        }
        return null;
    }

    /// <summary>Takes back closed periods a snapshot recorded, sorted by key; the series must have none yet.</summary>
    internal void RestoreClosed(List<ClosedPeriod> closed) => _closed = closed.Count == 0 ? null : closed;

    /// <summary>Closes every live period with a key below <paramref name="firstOpenKey"/>; empty ones leave no trace.</summary>
    public void CloseBefore(int firstOpenKey)
    {
        var n = 0;
        while (n < _live.Count && _live[n].Key < firstOpenKey)
        {
            var totals = _live[n].Totals;
            if (totals.Total != 0 || totals.Mobile != 0)
            {
                (_closed ??= []).Add(new ClosedPeriod(_live[n].Key, totals.Total, totals.Mobile));
            }
            n++;
        }
        if (n > 0)
        {
            _live.RemoveRange(0, n);
            // Closed periods accumulate one a day for months; doubling growth would leave a third unused.
            _closed?.TrimExcess();
        }
    }

    /// <summary>Forgets closed periods with a key below <paramref name="firstKeptKey"/>.</summary>
    public void ForgetBefore(int firstKeptKey)
    {
        var n = 0;
        while (_closed is not null && n < _closed.Count && _closed[n].Key < firstKeptKey)
        {
            n++;
        }
        _closed?.RemoveRange(0, n);
    }
}
