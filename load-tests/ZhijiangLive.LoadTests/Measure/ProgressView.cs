using Spectre.Console;

namespace ZhijiangLive.LoadTests.Measure;

/// <summary>
/// Progress on stderr while the roster goes up and the traffic runs: a live table on a terminal
/// (<see cref="LiveProgress"/>), plain lines when stderr is redirected, so a log file or CI output stays readable
/// (<see cref="PlainProgress"/>). Quiet prints only what <see cref="Done"/> says.
/// </summary>
public abstract class ProgressView
{
    public abstract void Roster(int done, int total);

    public abstract void Second(RunFigures figures);

    /// <summary>Ends what is being shown and prints a final line.</summary>
    public abstract void Done(string line);

    public static ProgressView ForConsole(bool quiet)
    {
        if (quiet) return new PlainProgress(Console.Error, quiet: true);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return For(console, Console.Error, Console.IsErrorRedirected);
    }

    /// <summary>Live on <paramref name="console"/> when it is an interactive terminal; otherwise plain lines on <paramref name="plain"/>.</summary>
    public static ProgressView For(IAnsiConsole console, TextWriter plain, bool redirected) =>
        !redirected && console.Profile.Capabilities is { Interactive: true, Ansi: true } ? new LiveProgress(console) : new PlainProgress(plain, quiet: false);
}
