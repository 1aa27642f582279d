namespace ZhijiangLive.Scoring.State;

/// <summary>
/// The days a teacher logged in, as runs of consecutive days. Runs rather than a set because a
/// streak is a run, and a late login can join two runs into one.
/// </summary>
public sealed class LoginDays
{
    // Sorted, disjoint and non-adjacent (adjacent runs are merged), so at most one run holds a day.
    private readonly List<(int First, int Last)> _runs = new(2);

    public IReadOnlyList<(int First, int Last)> Runs => _runs;

    public void Add(int day)
    {
        var i = _runs.Count - 1;
        while (i >= 0 && _runs[i].First > day)
        {
            i--;
        }
        // Now run i (if any) starts at or before day; run i + 1 (if any) starts after it.
        if (i >= 0 && _runs[i].Last >= day)
        {
            return;
        }
        var joinsPrevious = i >= 0 && _runs[i].Last == day - 1;
        var joinsNext = i + 1 < _runs.Count && _runs[i + 1].First == day + 1;
        if (joinsPrevious && joinsNext)
        {
            _runs[i] = (_runs[i].First, _runs[i + 1].Last);
            _runs.RemoveAt(i + 1);
        }
        else if (joinsPrevious)
        {
            _runs[i] = (_runs[i].First, day);
        }
        else if (joinsNext)
        {
            _runs[i + 1] = (day, _runs[i + 1].Last);
        }
        else
        {
            _runs.Insert(i + 1, (day, day));
        }
    }

    /// <summary>Appends a run a snapshot recorded; it must start more than a day after the last run ends.</summary>
    internal void AppendRun(int first, int last) => _runs.Add((first, last));

    /// <summary>Consecutive login days ending with <paramref name="day"/>; 0 when there was no login that day.</summary>
    public int StreakEndingAt(int day)
    {
        for (var i = _runs.Count - 1; i >= 0; i--)
        {
            var (first, last) = _runs[i];
            if (first <= day)
            {
                return day <= last ? day - first + 1 : 0;
            }
        }
        return 0;
    }

    /// <summary>Forgets runs that ended before <paramref name="firstKeptDay"/>.</summary>
    public void ForgetBefore(int firstKeptDay)
    {
        var n = 0;
        while (n < _runs.Count && _runs[n].Last < firstKeptDay)
        {
            n++;
        }
        _runs.RemoveRange(0, n);
    }
}
