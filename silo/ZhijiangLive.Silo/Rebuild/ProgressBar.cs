using System.Diagnostics;

namespace ZhijiangLive.Silo.Rebuild;

/// <summary>A one-line progress bar, redrawn at most ten times a second, on a writer meant for a terminal.</summary>
internal sealed class ProgressBar(TextWriter output, string label, long total)
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDrawnMs = -1_000;

    public void Report(long done, bool force = false)
    {
        var now = _clock.ElapsedMilliseconds;
        if (!force && now - _lastDrawnMs < 100)
        {
            return;
        }
        _lastDrawnMs = now;
        var share = total <= 0 ? 1.0 : Math.Clamp((double)done / total, 0, 1);
        var filled = (int)Math.Round(share * Width);
        var rate = now > 0 ? done * 1000.0 / now : 0;
        output.Write($"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {share,4:P0} {done:N0}/{total:N0} ({rate:N0}/s)   ");
    }

    public void Finish(long done)
    {
        Report(done, force: true);
        output.WriteLine();
    }
}
