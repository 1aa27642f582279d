using Spectre.Console;
using ZhijiangLive.LoadTests.Measure;

namespace ZhijiangLive.Silo.Tests.LoadTests;

public sealed class ProgressViewTests
{
    private static readonly RunFigures Figures = new(3, 7.25, 1_000, 900, 10, [new("unknown_teacher", 5)], 300,
        1.04, 2, 3.5, 9.9, 120, 480, [new("Unavailable", 2)]);

    private readonly StringWriter _terminal = new(), _plain = new();
    private readonly IAnsiConsole _console;

    public ProgressViewTests() => _console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(_terminal), Ansi = AnsiSupport.Yes, Interactive = InteractionSupport.Yes, ColorSystem = ColorSystemSupport.Standard,
    });

    [Fact]
    public void A_line_says_the_totals_the_rate_and_the_percentiles() => Assert.Equal(
        "[   3s 07:15] sent 1,000 acc 900 dup 10 rej unknown_teacher=5 | 300 ev/s | ack p50 1.0 p90 2.0 p99 3.5 p999 9.9 ms push p50 120 p99 480 ms errors Unavailable=2",
        Figures.Line());

    [Fact]
    public void Redirected_output_gets_a_plain_line_a_second_even_from_a_terminal_console()
    {
        var progress = ProgressView.For(_console, _plain, redirected: true);
        progress.Second(Figures);
        progress.Second(Figures with { Second = 4 });
        progress.Done("traffic done");

        Assert.Equal([Figures.Line(), (Figures with { Second = 4 }).Line(), "traffic done", ""], _plain.ToString().Split(Environment.NewLine));
        Assert.Empty(_terminal.ToString());
    }

    [Fact]
    public void A_terminal_gets_a_live_table_and_the_final_line_after_it()
    {
        var progress = ProgressView.For(_console, _plain, redirected: false);
        progress.Second(Figures);
        progress.Second(Figures with { Accepted = 1_234_567 });
        progress.Done("traffic done");

        var screen = _terminal.ToString();
        Assert.IsType<LiveProgress>(progress);
        Assert.Contains("\u001b[", screen); // drawn in place with ANSI control sequences, not as lines
        Assert.Contains("1,234,567", screen);
        Assert.Contains("acknowledgement p50 / p90 / p99 / p99.9", screen);
        Assert.EndsWith("traffic done" + Environment.NewLine, screen);
        Assert.Empty(_plain.ToString());
    }

    [Fact]
    public void Quiet_prints_only_the_final_lines()
    {
        var progress = new PlainProgress(_plain, quiet: true);
        progress.Roster(10, 20);
        progress.Second(Figures);
        progress.Done("roster: uploaded");
        Assert.Equal("roster: uploaded" + Environment.NewLine, _plain.ToString());
    }
}
