using ZhijiangLive.Bench;
using ZhijiangLive.Silo.Commands;

namespace ZhijiangLive.Silo.Tests.Bench;

/// <summary>The bench's command line: a command per benchmark with the options it reads, and exit code 2 for a bad one.</summary>
public sealed class BenchCommandLineTests
{
    [Fact]
    public async Task A_benchmark_gets_the_options_given_and_the_defaults_of_the_rest()
    {
        var (code, runs, _, _) = await RunAsync("durability", "--seconds", "3", "--streams=2", "--only", "ingest", "--connection", "Host=db");

        var (name, options) = Assert.Single(runs);
        Assert.Equal((0, "durability"), (code, name));
        Assert.Equal(new BenchOptions { Seconds = 3, Streams = 2, Only = "ingest", Connection = "Host=db" }, options);
    }

    [Theory]
    [InlineData("--runs needs a positive whole number, not '0'", "scoring", "--runs", "0")]
    [InlineData("--teachers needs a positive whole number, not 'many'", "province", "--teachers", "many")]
    [InlineData("Unrecognized command or argument '--runs'", "grpc", "--runs", "3")]
    [InlineData("Argument 'all' not recognized", "durability", "--only", "all")]
    [InlineData("Unrecognized command or argument 'speed'", "speed")]
    public async Task A_bad_command_line_exits_with_2_with_the_reason_and_the_usage(string reason, params string[] args)
    {
        var (code, runs, output, error) = await RunAsync(args);

        Assert.Equal(CommandLineRun.UsageError, code);
        Assert.Empty(runs);
        Assert.Empty(output);
        Assert.Contains(reason, error);
        Assert.Contains("Usage:", error);
    }

    [Theory]
    [InlineData("scoring", "--teachers", "--runs", "--days", "--seed", "--by-teacher")]
    [InlineData("state-size", "--teachers", "--seed")]
    [InlineData("rankings", "--teachers", "--seed")]
    [InlineData("province", "--teachers", "--schools", "--events-per-teacher")]
    [InlineData("grpc", "--teachers", "--seed", "--calls", "--concurrency", "--stream-events", "--streams", "--in-flight")]
    [InlineData("durability", "--teachers", "--seed", "--streams", "--in-flight", "--seconds", "--warm-up", "--events", "--tail", "--connection", "--only")]
    public async Task The_help_of_each_benchmark_lists_its_options(string benchmark, params string[] options)
    {
        var (code, runs, output, _) = await RunAsync(benchmark, "--help");

        Assert.Equal(0, code);
        Assert.Empty(runs);
        Assert.All(options, option => Assert.Matches($@"\n  {option}\b", output.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task Without_a_benchmark_it_prints_the_help()
    {
        var (code, runs, output, _) = await RunAsync();

        Assert.Equal(0, code);
        Assert.Empty(runs);
        Assert.All(["scoring", "state-size", "province", "grpc", "durability"], name => Assert.Matches($@"\n  {name} +\S", output.ReplaceLineEndings("\n")));
    }

    private static async Task<(int Code, List<(string, BenchOptions)> Runs, string Output, string Error)> RunAsync(params string[] args)
    {
        var runs = new List<(string, BenchOptions)>();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = BenchCommandLine.Create((name, options) =>
        {
            runs.Add((name, options));
            return Task.CompletedTask;
        });
        var code = await CommandLineRun.InvokeAsync(CommandLineRun.Parse(root, args), output, error);
        return (code, runs, output.ToString(), error.ToString());
    }
}
