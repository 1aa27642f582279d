using System.CommandLine;
using System.CommandLine.Invocation;
using ZhijiangLive.LoadTests.Bench;
using ZhijiangLive.LoadTests.Measure;
using ZhijiangLive.LoadTests.Options;
using ZhijiangLive.LoadTests.Report;
using ZhijiangLive.LoadTests.Run;

namespace ZhijiangLive.LoadTests;

/// <summary>The load tester's entry: parses the command line, runs, writes the report, returns the exit code.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) =>
        RunAsync(args, Console.Out, Console.Error, ProgressView.ForConsole(args.Contains("--quiet")), CancellationToken.None);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, ProgressView status, CancellationToken cancellationToken)
    {
        var set = new LoadOptionSet();
        var parsed = CommandLine.Create(set).Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            // System.CommandLine's reasons and the command's help, on stderr; its exit code would be 1.
            parsed.Invoke(new InvocationConfiguration { Output = error, Error = error });
            return CommandLine.UsageError;
        }
        var (command, options) = CommandLine.Read(parsed, set);
        try
        {
            switch (command)
            {
                case LoadCommand.Help:
                    return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
                case LoadCommand.Bench:
                    return await BenchCommand.RunAsync(options, output, status, cancellationToken);
            }
            var run = await LoadRun.RunAsync(options, output, status, cancellationToken);
            var folder = options.Out ?? Path.Combine("load-report", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
            var report = await ReportWriter.WriteAsync(run, folder);
            output.WriteLine($"report: {report}");
            output.WriteLine(Summary(run));
            return run.ExitCode;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            await error.WriteLineAsync($"failed: {failure.Message}");
            return 1;
        }
    }

    private static string Summary(RunResult run)
    {
        var c = run.Counters;
        var push = run.Probe is { Latency.Count: > 0 } p ? $", push p99 {p.Latency.PercentileMilliseconds(0.99):0} ms" : "";
        var reconcile = run.Reconciles switch { true => "reconcile", false => "DO NOT reconcile", null => "not compared" };
        return $"{c.Accepted / Math.Max(0.001, run.Traffic.TotalSeconds):N0} events/s accepted, ack p99 {run.Timeline.Ack.PercentileMilliseconds(0.99):0.0} ms{push}; " +
               $"bad input {c.BadHandled:N0} of {c.BadSent:N0} refused, violations {c.Violations}, unexpected refusals {run.UnexpectedRejections}; totals {reconcile}";
    }
}
