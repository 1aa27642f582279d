using ZhijiangLive.LoadTests.Measure;
using ZhijiangLive.LoadTests.Options;

namespace ZhijiangLive.Silo.Tests.LoadTests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("Unrecognized command or argument '--nope'", "--nope", "1")]
    [InlineData("--batch must be a whole number from 1 to 10000, not '0'", "--batch", "0")]
    [InlineData("--mode must be one of unary, stream, not 'udp'", "--mode", "udp")]
    [InlineData("--duration must be a positive duration like 90, 30s, 2m or 1h, not '-5s'", "--duration=-5s")]
    [InlineData("--target must be an http:// or https:// address, not 'localhost'", "--target", "localhost")]
    [InlineData("--rate must be a number from 1", "--rate", "fast")]
    [InlineData("--api-key must not be empty", "--api-key", " ")]
    [InlineData("Required argument missing for option: '--scale'", "--scale")]
    [InlineData("--token is for the hub, which needs --http", "--token", "t")]
    [InlineData("Unrecognized command or argument 'run'", "run")]
    [InlineData("Unrecognized command or argument '--duration'", "bench", "--duration", "1m")]
    public void A_bad_command_line_is_refused_naming_the_option(string message, params string[] args)
    {
        var error = Assert.Throws<UsageException>(() => CommandLine.Parse(args));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public async Task A_bad_command_line_exits_with_2_with_the_reason_and_the_usage_on_stderr()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await RunAsync(["--connections", "many"], output, error);

        Assert.Equal(2, code);
        Assert.Empty(output.ToString());
        Assert.Contains("--connections must be a whole number from 1 to 1024, not 'many'", error.ToString());
        Assert.Contains("Usage:", error.ToString());
    }

    [Fact]
    public void Options_are_read_in_both_spellings_and_the_rest_keep_their_defaults()
    {
        var (command, o) = CommandLine.Parse(["--rate=max", "--duration", "90", "--api-key", "k", "--mode", "unary", "--scale", "0.01", "--now=2026-03-02T10:00:00+08:00"]);
        Assert.Equal(LoadCommand.Run, command);
        Assert.Equal(PaceKind.Max, o.Pace);
        Assert.Equal(TimeSpan.FromSeconds(90), o.Duration);
        Assert.Equal(TransportMode.Unary, o.Mode);
        Assert.Equal(0.01, o.Scale);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero), o.Now);
        Assert.Equal([new("authorization", "Bearer k")], o.Metadata);
        Assert.Equal(new LoadOptions() with { Pace = o.Pace, Duration = o.Duration, ApiKey = "k", Mode = o.Mode, Scale = o.Scale, Now = o.Now }, o);
        Assert.Equal((PaceKind.Flat, 250.0), ReadRate("250"));
        Assert.Equal(LoadCommand.Help, CommandLine.Parse(["--rate", "100", "--help"]).Command);
    }

    [Fact]
    public void Bench_takes_its_own_options_and_the_province_and_transport_ones()
    {
        var (command, o) = CommandLine.Parse(["bench", "--requests", "1000", "--streams=8", "--target", "http://127.0.0.1:1/", "--scale", "0.01", "--skip-roster"]);
        Assert.Equal(LoadCommand.Bench, command);
        Assert.Equal((1000, 8, 0.01, true), (o.BenchRequests, o.BenchStreams, o.Scale, o.SkipRoster));
        Assert.Equal(new Uri("http://127.0.0.1:1/"), o.Target);
    }

    [Theory]
    [InlineData("", "--target", "--http", "--api-key", "--token", "--mode", "--connections", "--in-flight", "--batch", "--duration",
        "--rate", "--speedup", "--start", "--events-per-teacher", "--scale", "--seed", "--bad-share", "--now", "--out", "--roster-chunk",
        "--retries", "--timeout", "--watch-region", "--marks-per-second", "--skip-roster", "--quiet", "bench")]
    [InlineData("bench", "--requests", "--streams", "--target", "--api-key", "--scale", "--seed", "--skip-roster", "--roster-chunk", "--now", "--quiet")]
    public async Task The_help_of_each_command_lists_its_options(string command, params string[] options)
    {
        using var output = new StringWriter();

        var code = await RunAsync([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"], output, TextWriter.Null);

        var help = output.ToString();
        Assert.Equal(0, code);
        Assert.Contains("Usage:", help);
        Assert.All(options, option => Assert.Matches($@"\n  {option}\b", help.ReplaceLineEndings("\n")));
        Assert.Equal(command != "bench", help.Contains("--duration"));
    }

    private static (PaceKind, double) ReadRate(string rate)
    {
        var (_, o) = CommandLine.Parse(["--rate", rate]);
        return (o.Pace, o.FlatRate);
    }

    private static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        global::ZhijiangLive.LoadTests.Program.RunAsync(args, output, error, new PlainProgress(TextWriter.Null, quiet: true), CancellationToken.None);
}
