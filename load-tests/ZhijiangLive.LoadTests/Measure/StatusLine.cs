namespace ZhijiangLive.LoadTests.Measure;

/// <summary>
/// A line of progress on stderr: rewritten in place with <c>\r</c> on a terminal, a new line each time otherwise
/// (so a log file or CI output stays readable). Quiet prints only what <see cref="Done"/> says.
/// </summary>
public sealed class StatusLine(TextWriter writer, bool terminal, bool quiet)
{
    private int _shown;

    public static StatusLine ForConsole(bool quiet) => new(Console.Error, !Console.IsErrorRedirected, quiet);

    public void Show(string line)
    {
        if (quiet) return;
        lock (writer)
        {
            if (terminal)
            {
                writer.Write('\r' + line.PadRight(_shown));
                _shown = line.Length;
            }
            else
            {
                writer.WriteLine(line);
            }
            writer.Flush();
        }
    }

    /// <summary>Ends the line being rewritten and prints a final one.</summary>
    public void Done(string line)
    {
        lock (writer)
        {
            if (terminal && _shown > 0 && !quiet)
            {
                writer.Write('\r' + new string(' ', _shown) + '\r');
            }
            _shown = 0;
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}
