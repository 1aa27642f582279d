using Microsoft.Extensions.Logging;
using ZhijiangLive.Grains.Aggregation;

namespace ZhijiangLive.Grains.Forwarding;

/// <summary>
/// The teacher reports of one silo waiting for their parent grains (<see cref="SchoolOutbox"/>,
/// <see cref="CountyOutbox"/>). A grain call costs far more than scoring an event, and events arrive one per
/// teacher, so a call per report would spend most of the silo on messages. Instead every grain of the silo
/// posts here, and each parent gets one call per window with its teachers' latest reports
/// (<see cref="PendingReports"/>), <paramref name="window"/> after the first report waited, or at once on
/// <see cref="FlushAsync"/>.
/// </summary>
public abstract class ReportOutbox(TimeSpan window, ILogger logger)
{
    private readonly Lock _gate = new();
    private Dictionary<string, PendingReports> _waiting = new(StringComparer.Ordinal);
    private Task _sending = Task.CompletedTask;
    private bool _windowOpen;

    /// <summary>Takes the reports out of <paramref name="reports"/> to wait for their parent's call.</summary>
    public void Post(List<TeacherChange> reports)
    {
        if (reports.Count == 0)
        {
            return;
        }
        bool opened;
        lock (_gate)
        {
            foreach (var report in reports)
            {
                var parent = ParentOf(report);
                if (!_waiting.TryGetValue(parent, out var pending))
                {
                    _waiting[parent] = pending = new PendingReports();
                }
                pending.Add(report);
            }
            opened = !_windowOpen;
            _windowOpen = true;
        }
        reports.Clear();
        if (opened)
        {
            _ = SendAfterWindowAsync();
        }
    }

    /// <summary>The grain a report waits for.</summary>
    protected abstract string ParentOf(in TeacherChange report);

    /// <summary>One call to the parent with its reports; it has them when the call completes.</summary>
    protected abstract Task SendAsync(string parent, TeacherChange[] reports);

    /// <summary>Sends what waits now; every parent has its reports (and all posted before) when this completes.</summary>
    public Task FlushAsync()
    {
        Task previous;
        Dictionary<string, PendingReports> taken;
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            taken = _waiting;
            // Sized for a window like the last, so a province's thousands of schools do not regrow it each time.
            _waiting = new Dictionary<string, PendingReports>(taken.Count, StringComparer.Ordinal);
            _windowOpen = false;
            // One send at a time: a parent takes a teacher's reports in the order they were scored.
            previous = _sending;
            _sending = sent.Task;
        }
        // Outside the lock: a window of a province's schools is thousands of calls, and the grains posting
        // meanwhile would wait on the lock for all of them.
        _ = SendInOrderAsync(previous, taken).ContinueWith(static (done, state) =>
        {
            var sent = (TaskCompletionSource)state!;
            if (done.Exception is { } error)
            {
                sent.SetException(error.InnerExceptions);
            }
            else
            {
                sent.SetResult();
            }
        }, sent, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return sent.Task;
    }

    private async Task SendAfterWindowAsync()
    {
        await Task.Delay(window).ConfigureAwait(false);
        try
        {
            await FlushAsync().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            logger.LogError(error, "Teacher reports could not reach their parents; they wait for the next window");
        }
    }

    private async Task SendInOrderAsync(Task previous, Dictionary<string, PendingReports> taken)
    {
        try
        {
            await previous.ConfigureAwait(false);
        }
        catch
        {
            // The previous send's failure is its own caller's to see; its reports were put back.
        }
        if (taken.Count == 0)
        {
            return;
        }
        var calls = new List<(string Parent, TeacherChange[] Reports, Task Call)>(taken.Count);
        foreach (var (parent, pending) in taken)
        {
            var reports = pending.Take();
            calls.Add((parent, reports, SendAsync(parent, reports)));
        }
        try
        {
            await Task.WhenAll(calls.Select(c => c.Call)).ConfigureAwait(false);
        }
        catch
        {
            PutBack(calls.Where(c => !c.Call.IsCompletedSuccessfully));
            throw;
        }
    }

    // Put back ahead of what was posted since, so that a teacher's newer report still replaces the older one.
    private void PutBack(IEnumerable<(string Parent, TeacherChange[] Reports, Task Call)> failed)
    {
        bool opened;
        lock (_gate)
        {
            foreach (var (parent, reports, _) in failed)
            {
                var merged = new PendingReports();
                foreach (var report in reports)
                {
                    merged.Add(report);
                }
                if (_waiting.TryGetValue(parent, out var newer))
                {
                    foreach (var report in newer.Take())
                    {
                        merged.Add(report);
                    }
                }
                _waiting[parent] = merged;
            }
            opened = !_windowOpen;
            _windowOpen = true;
        }
        if (opened)
        {
            _ = SendAfterWindowAsync();
        }
    }
}
