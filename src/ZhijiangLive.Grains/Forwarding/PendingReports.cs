using ZhijiangLive.Grains.Aggregation;

namespace ZhijiangLive.Grains.Forwarding;

/// <summary>
/// Teacher reports waiting to go to a parent as one call: a newer report of a teacher replaces the one
/// waiting, so the parent hears each teacher once per window however often it scored.
/// </summary>
public sealed class PendingReports
{
    private readonly List<TeacherChange> _inOrder = [];
    private readonly Dictionary<string, int> _slotOf = new(StringComparer.Ordinal);

    // Replacing is safe only among reports for the same periods: the parent rolls its periods when the first
    // report of a later day arrives, and a report moved to before that roll would count in the day just closed.
    private int _runStart;

    public bool IsEmpty => _inOrder.Count == 0;

    public void Add(in TeacherChange report)
    {
        if (_inOrder.Count > 0 && _inOrder[^1].Keys != report.Keys)
        {
            _runStart = _inOrder.Count;
        }
        if (_slotOf.TryGetValue(report.TeacherId, out var slot) && slot >= _runStart)
        {
            // Reports of a teacher that moved school come from two grains, in either order: the newer one stays.
            if (_inOrder[slot].Seq < report.Seq)
            {
                _inOrder[slot] = report;
            }
            return;
        }
        _slotOf[report.TeacherId] = _inOrder.Count;
        _inOrder.Add(report);
    }

    public TeacherChange[] Take()
    {
        var reports = _inOrder.ToArray();
        _inOrder.Clear();
        _slotOf.Clear();
        _runStart = 0;
        return reports;
    }
}
