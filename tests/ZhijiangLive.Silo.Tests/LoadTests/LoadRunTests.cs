using System.Globalization;
using ZhijiangLive.LoadTests.Measure;
using ZhijiangLive.LoadTests.Options;
using ZhijiangLive.LoadTests.Report;
using ZhijiangLive.LoadTests.Run;

namespace ZhijiangLive.Silo.Tests.LoadTests;

/// <summary>A short load run against a silo started here: the report, the server's own counts, the bad input.</summary>
public sealed class LoadRunTests : IAsyncLifetime
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "zl-load-" + Guid.NewGuid().ToString("N"));
    private RunningSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await RunningSilo.StartAsync();

    [Fact]
    public async Task A_short_run_writes_its_report_and_its_totals_match_what_the_silo_counted()
    {
        using var serverSide = new SiloIngestCounters(_silo);
        var (_, options) = CommandLine.Parse(
        [
            "--target", _silo.GrpcAddress.ToString(), "--http", _silo.Http.BaseAddress!.ToString(),
            "--api-key", TestCredentials.PlatformKey, "--token", TestCredentials.ProvinceToken,
            "--now", RunningSilo.Now.ToString("O", CultureInfo.InvariantCulture),
            "--scale", "0.001", "--duration", "3s", "--rate", "3000", "--batch", "100", "--connections", "2",
            "--bad-share", "0.05", "--marks-per-second", "4", "--out", _out, "--quiet",
        ]);

        var run = await LoadRun.RunAsync(options, TextWriter.Null, new PlainProgress(TextWriter.Null, quiet: true), CancellationToken.None);
        await ReportWriter.WriteAsync(run, _out);

        var c = run.Counters;
        Assert.True(c.Accepted > 3_000, $"only {c.Accepted} accepted");
        Assert.Equal(serverSide.Accepted, c.Accepted + c.RetryDuplicates);
        Assert.Equal(serverSide.Duplicates, c.Duplicates);
        Assert.Equal(serverSide.Rejected, c.Rejected);
        Assert.True(c.BadSent > 50, $"only {c.BadSent} bad events sent");
        Assert.Equal(c.BadSent, c.BadHandled);
        Assert.Equal(0, c.Violations);
        Assert.Equal(0, run.UnexpectedRejections);
        Assert.Equal(0, run.ExitCode);
        Assert.NotNull(run.Probe);
        Assert.True(run.Probe.Latency.Count > 0, "no push reflected a marked event");

        var report = await File.ReadAllTextAsync(Path.Combine(_out, "report.md"));
        Assert.Contains($"| accepted | {c.Accepted.ToString("N0", CultureInfo.InvariantCulture)} |", report);
        Assert.Contains("**Violations: 0.**", report);
        Assert.Contains("| ms | p10 | p25 | p50 | p75 | p90 | p95 | p99 | max |", report);
        foreach (var chart in new[] { "throughput.png", "latency.png", "push.png" })
        {
            var png = await File.ReadAllBytesAsync(Path.Combine(_out, chart));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        }
    }

    [Fact]
    public async Task Calls_past_their_deadline_are_resent_with_the_same_ids_and_nothing_counts_twice()
    {
        using var serverSide = new SiloIngestCounters(_silo);
        var (_, options) = CommandLine.Parse(
        [
            "--target", _silo.GrpcAddress.ToString(), "--api-key", TestCredentials.PlatformKey,
            "--now", RunningSilo.Now.ToString("O", CultureInfo.InvariantCulture),
            "--scale", "0.001", "--duration", "2s", "--rate", "max", "--mode", "unary", "--batch", "50", "--connections", "2",
            "--timeout", "0.002s", "--retries", "3", "--bad-share", "0",
        ]);

        var run = await LoadRun.RunAsync(options, TextWriter.Null, new PlainProgress(TextWriter.Null, quiet: true), CancellationToken.None);

        var c = run.Counters;
        Assert.True(c.Retries > 0, "no call was resent");
        Assert.True(c.ErrorsByStatus.ContainsKey("DeadlineExceeded"), string.Join(", ", c.ErrorsByStatus.Keys));
        // Every event the silo took was answered here as accepted, or as a duplicate of a resend, or was given up on;
        // the silo's duplicates exceed these by answers lost with their deadline, no more.
        Assert.InRange(serverSide.Accepted, c.Accepted + c.RetryDuplicates, c.Accepted + c.RetryDuplicates + c.Abandoned);
        Assert.InRange(serverSide.Duplicates, c.Duplicates, c.Duplicates + c.Unanswered);
        Assert.True(RunResult.Reconcile(c, serverSide.Accepted, serverSide.Duplicates, serverSide.Rejected));
        Assert.Equal(0, c.Violations);
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }
}
