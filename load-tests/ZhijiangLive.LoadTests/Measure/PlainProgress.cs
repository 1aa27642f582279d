namespace ZhijiangLive.LoadTests.Measure;

/// <summary>Progress as plain lines, one per update: what a log file or CI output keeps.</summary>
public sealed class PlainProgress(TextWriter writer, bool quiet) : ProgressView
{
    public override void Roster(int done, int total) => Write($"roster: {done:N0} of {total:N0} teachers ({100.0 * done / total:0}%)");

    public override void Second(RunFigures figures) => Write(figures.Line());

    public override void Done(string line)
    {
        lock (writer)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    private void Write(string line)
    {
        if (!quiet) Done(line);
    }
}
