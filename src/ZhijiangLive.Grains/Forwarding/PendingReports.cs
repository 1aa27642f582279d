using ZhijiangLive.Grains.Aggregation;

namespace ZhijiangLive.Grains.Forwarding;

/// <summary>
/// Teacher reports waiting to go to a parent as one call: a newer report of a teacher replaces the one
/// waiting, so the parent hears each teacher once per window however often it scored.
/// </summary>
public sealed class PendingReports
{
    // A school's window rarely holds more than a few reports, and an outbox makes one of these per school per
    // window: a look along the list is cheaper than a dictionary until the list is longer than this.
    private const int ListedWithoutIndex = 16;

    // An array of our own rather than a List: a school's window mostly holds one report, and a full array goes to
    // the parent as it is, where a list would allocate four slots and then copy the one filled.
    private TeacherChange[] _inOrder = [];
    private int _count;
    private Dictionary<string, int>? _slotOf;

    // Replacing is safe only among reports for the same periods: the parent rolls its periods when the first
    // report of a later day arrives, and a report moved to before that roll would count in the day just closed.
    private int _runStart;

    public bool IsEmpty => _count == 0;

    public void Add(in TeacherChange report)
    {
        if (_count > 0 && _inOrder[_count - 1].Keys != report.Keys)
        {
            _runStart = _count;
        }
        if (SlotInRun(report.TeacherId) is var slot and >= 0)
        {
            // Reports of a teacher that moved school come from two grains, in either order: the newer one stays.
            if (_inOrder[slot].Seq < report.Seq)
            {
                _inOrder[slot] = report;
            }
            return;
        }
        GrowableArray.Append(ref _inOrder, ref _count, report, firstCapacity: 1);
        if (_slotOf is not null)
        {
            _slotOf[report.TeacherId] = _count - 1;
        }
        else if (_count > ListedWithoutIndex)
        {
            Index();
        }
    }

    /// <summary>The reports waiting, in order, in an array of their own; the window starts empty again.</summary>
    public TeacherChange[] Take()
    {
        TeacherChange[] reports;
        if (_count == _inOrder.Length)
        {
            reports = _inOrder;
            _inOrder = [];
        }
        else
        {
            reports = _inOrder[.._count];
            Array.Clear(_inOrder, 0, _count);
        }
        _count = 0;
        _slotOf?.Clear();
        _runStart = 0;
        return reports;
    }

    /// <summary>Where the teacher's report of the current run waits, or −1.</summary>
    private int SlotInRun(string teacherId)
    {
        if (_slotOf is not null)
        {
            return _slotOf.TryGetValue(teacherId, out var slot) && slot >= _runStart ? slot : -1;
        }
        for (var slot = _count - 1; slot >= _runStart; slot--)
        {
            if (string.Equals(_inOrder[slot].TeacherId, teacherId, StringComparison.Ordinal))
            {
                return slot;
            }
        }
        return -1;
    }

    private void Index()
    {
        _slotOf = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
        for (var slot = 0; slot < _count; slot++)
        {
            _slotOf[_inOrder[slot].TeacherId] = slot;
        }
    }
}
