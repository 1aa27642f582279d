using ZhijiangLive.LoadTests.Measure;
using ZhijiangLive.LoadTests.Options;

namespace ZhijiangLive.Silo.Tests.LoadTests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("unknown option --nope", "--nope", "1")]
    [InlineData("--batch must be a whole number from 1 to 10000, not '0'", "--batch", "0")]
    [InlineData("--mode must be one of unary, stream, not 'udp'", "--mode", "udp")]
    [InlineData("--duration must be a positive duration like 90, 30s, 2m or 1h, not '-5s'", "--duration=-5s")]
    [InlineData("--target must be an http:// or https:// address, not 'localhost'", "--target", "localhost")]
    [InlineData("--rate must be a number from 1", "--rate", "fast")]
    [InlineData("--scale needs a value", "--scale")]
    [InlineData("--token is for the hub, which needs --http", "--token", "t")]
    [InlineData("unexpected argument 'run'", "run")]
    public void A_bad_command_line_is_refused_naming_the_option(string message, params string[] args)
    {
        var error = Assert.Throws<UsageException>(() => CommandLine.Parse(args));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public async Task A_bad_command_line_exits_with_2()
    {
        var quiet = new PlainProgress(TextWriter.Null, quiet: true);
        Assert.Equal(2, await global::ZhijiangLive.LoadTests.Program.RunAsync(["--connections", "many"], TextWriter.Null, quiet, CancellationToken.None));
    }

    [Fact]
    public void Options_are_read_in_both_spellings_and_the_rest_keep_their_defaults()
    {
        var (command, o) = CommandLine.Parse(["bench", "--rate=max", "--duration", "90", "--api-key", "k", "--mode", "unary", "--scale", "0.01"]);
        Assert.Equal(Command.Bench, command);
        Assert.Equal(PaceKind.Max, o.Pace);
        Assert.Equal(TimeSpan.FromSeconds(90), o.Duration);
        Assert.Equal(TransportMode.Unary, o.Mode);
        Assert.Equal([new("authorization", "Bearer k")], o.Metadata);
        Assert.Equal(new LoadOptions().Batch, o.Batch);
        Assert.Equal(Command.Help, CommandLine.Parse(["--rate", "100", "--help"]).Command);
    }

    [Fact]
    public void The_help_names_every_option_the_parser_reads()
    {
        foreach (var option in new[] { "--target", "--http", "--api-key", "--token", "--mode", "--connections", "--in-flight", "--batch", "--duration",
            "--rate", "--speedup", "--start", "--events-per-teacher", "--scale", "--seed", "--bad-share", "--now", "--out", "--roster-chunk",
            "--retries", "--timeout", "--watch-region", "--marks-per-second", "--requests", "--streams", "--skip-roster", "--quiet" })
        {
            Assert.Contains(option, HelpText.Text);
            if (option is not ("--skip-roster" or "--quiet")) Assert.Throws<UsageException>(() => CommandLine.Parse([option]));
        }
    }
}
