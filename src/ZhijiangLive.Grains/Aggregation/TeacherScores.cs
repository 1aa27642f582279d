using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>
/// Every score one report counts, current periods and past alike, in order of period and key: the past is
/// sorted and never holds the current keys, so the current scores are merged in as the walk passes them.
/// A struct walked in place, so that comparing two reports allocates nothing.
/// </summary>
internal struct TeacherScores(TeacherChange report)
{
    private readonly PastScore[] _past = report.Past?.Scores ?? [];
    private int _nextPast;
    private int _nextCurrent;

    public PastScore Current { get; private set; }

    public bool MoveNext()
    {
        var hasPast = _nextPast < _past.Length;
        var hasCurrent = _nextCurrent < 3;
        if (!hasPast && !hasCurrent)
        {
            return false;
        }
        var current = hasCurrent
            ? new PastScore((Period)_nextCurrent, report.Keys[(Period)_nextCurrent], report.Scores[(Period)_nextCurrent])
            : default;
        if (hasPast && (!hasCurrent || Compare(_past[_nextPast], current) < 0))
        {
            Current = _past[_nextPast++];
        }
        else
        {
            Current = current;
            _nextCurrent++;
        }
        return true;
    }

    public readonly TeacherScores GetEnumerator() => this;

    public static int Compare(PastScore x, PastScore y) =>
        x.Period != y.Period ? x.Period.CompareTo(y.Period) : x.Key.CompareTo(y.Key);
}
