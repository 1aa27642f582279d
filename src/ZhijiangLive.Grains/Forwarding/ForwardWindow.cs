using Orleans;
using Orleans.Runtime;
using ZhijiangLive.Grains.Aggregation;

namespace ZhijiangLive.Grains.Forwarding;

/// <summary>
/// The reports a region grain holds for its parent: gathered in <see cref="PendingReports"/>
/// and sent as one call when the window closes, <paramref name="interval"/> after the first one arrived,
/// or at once on <see cref="FlushAsync"/>. The timer runs only while something waits.
/// </summary>
internal sealed class ForwardWindow(IGrainBase grain, TimeSpan interval, Func<TeacherChange[], Task> send)
{
    private readonly PendingReports _pending = new();
    private IGrainTimer? _timer;

    /// <summary>Takes the reports out of <paramref name="forwards"/> to wait for the window.</summary>
    public void Hold(List<TeacherChange> forwards)
    {
        if (forwards.Count == 0)
        {
            return;
        }
        var wasEmpty = _pending.IsEmpty;
        foreach (var report in forwards)
        {
            _pending.Add(report);
        }
        forwards.Clear();
        if (wasEmpty)
        {
            _timer ??= grain.RegisterGrainTimer(_ => FlushAsync(), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer.Change(interval, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Sends what waits now; the parent has it when this completes.</summary>
    public Task FlushAsync()
    {
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        return _pending.IsEmpty ? Task.CompletedTask : send(_pending.Take());
    }
}
