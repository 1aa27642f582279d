using Spectre.Console;
using Spectre.Console.Rendering;

namespace ZhijiangLive.LoadTests.Measure;

/// <summary>
/// Progress as a Spectre.Console live display: a bar while the roster goes up, then a table of the run's figures
/// redrawn every second. The live display owns the terminal until <see cref="Done"/>; the run's table stays on
/// screen after it, the roster's bar gives way to its final line.
/// </summary>
public sealed class LiveProgress(IAnsiConsole console) : ProgressView
{
    private readonly Lock _gate = new();
    private LiveDisplayContext? _context;
    private TaskCompletionSource? _end;
    private Task? _display;

    public override void Roster(int done, int total) => Show(RosterBar(done, total), keep: false);

    public override void Second(RunFigures figures) => Show(FiguresTable(figures), keep: true);

    public override void Done(string line)
    {
        lock (_gate)
        {
            if (_display is not null)
            {
                _end!.SetResult();
                _display.GetAwaiter().GetResult();
                (_context, _end, _display) = (null, null, null);
            }
            console.WriteLine(line);
        }
    }

    private void Show(IRenderable view, bool keep)
    {
        lock (_gate)
        {
            if (_context is { } context)
            {
                context.UpdateTarget(view);
                context.Refresh();
                return;
            }
            var started = new TaskCompletionSource<LiveDisplayContext>(TaskCreationOptions.RunContinuationsAsynchronously);
            var end = new TaskCompletionSource();
            _display = console.Live(view).AutoClear(!keep).StartAsync(async live =>
            {
                started.SetResult(live);
                await end.Task;
            });
            (_context, _end) = (started.Task.GetAwaiter().GetResult(), end);
        }
    }

    private static IRenderable RosterBar(int done, int total)
    {
        const int width = 40;
        var filled = total == 0 ? width : (int)((long)width * done / total);
        return new Markup($"roster [green]{new string('━', filled)}[/][grey]{new string('━', width - filled)}[/] " +
                          $"{done:N0} of {total:N0} teachers ({100.0 * done / Math.Max(1, total):0}%)");
    }

    private static Table FiguresTable(RunFigures f)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"load run {TimeSpan.FromSeconds(Math.Round(f.Second)):m\\:ss}, simulated {Timeline.Hour(f.SimulatedHour)}")
            .AddColumn("").AddColumn(new TableColumn("so far").RightAligned());
        table.AddRow("sent", $"{f.Sent:N0}");
        table.AddRow("accepted", $"[green]{f.Accepted:N0}[/]");
        table.AddRow("duplicates", $"{f.Duplicates:N0}");
        foreach (var (reason, count) in f.RejectedByReason) table.AddRow(Markup.Escape($"rejected {reason}"), $"{count:N0}");
        table.AddRow("accepted this second", $"[bold]{f.AcceptedPerSecond:N0}[/] events/s");
        table.AddRow("acknowledgement p50 / p90 / p99 / p99.9", $"{f.AckP50:0.0} / {f.AckP90:0.0} / {f.AckP99:0.0} / {f.AckP999:0.0} ms");
        if (f.PushP50 is { } p50) table.AddRow("push p50 / p99", $"{p50:0} / {f.PushP99:0} ms");
        foreach (var (status, count) in f.ErrorsByStatus) table.AddRow(Markup.Escape($"errors {status}"), $"[red]{count:N0}[/]");
        return table;
    }
}
