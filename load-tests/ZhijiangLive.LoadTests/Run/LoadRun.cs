using System.Diagnostics;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.LoadTests.Live;
using ZhijiangLive.LoadTests.Measure;
using ZhijiangLive.LoadTests.Options;
using ZhijiangLive.LoadTests.Province;
using ZhijiangLive.LoadTests.Report;
using ZhijiangLive.LoadTests.Traffic;
using ZhijiangLive.LoadTests.Transport;

namespace ZhijiangLive.LoadTests.Run;

/// <summary>
/// A load run from start to end: the province up, the server's counters read, the push probe on the hub, the
/// traffic for <c>--duration</c> with a tick a second, then the counters again and the report.
/// </summary>
public static class LoadRun
{
    public static async Task<RunResult> RunAsync(LoadOptions options, TextWriter output, ProgressView progress, CancellationToken cancellationToken)
    {
        var province = GeneratedProvince.Generate(options.Scale, options.Seed);
        output.WriteLine($"province: {province.Regions.Count} regions, {province.Schools.Count:N0} schools, {province.Teachers:N0} teachers (seed {options.Seed})");
        var prefix = $"lt{options.Seed}-{DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond % 46_656_000:x}";
        var serverStart = options.Now ?? DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        using var ingest = new ZhijiangClient(options.Target, new ZhijiangClientOptions { Metadata = options.Metadata, AcceptAnyServerCertificate = true });
        TimeSpan? roster = options.SkipRoster ? null : await RosterUpload.UploadAsync(ingest, province, options.RosterChunk, progress, cancellationToken);
        var shift = Stopwatch.GetElapsedTime(started); // the roster took this long of the server's clock

        ServerCounters? before = null;
        string? serverProblem = null;
        var keyId = options.ApiKey is { } apiKey ? ServerCounters.KeyId(apiKey) : null;
        if (options.Http is { } http) (before, serverProblem) = await ServerCounters.ReadAsync(http, options.Token, cancellationToken, keyId);

        var counters = new RunCounters();
        var pacer = new Pacer(options, province.Teachers);
        var context = new SendContext(options, pacer, counters,
            i => new EventSource(province, options.Seed * 7_919 + i, $"{prefix}-{i}", options.BadShare, counters), serverStart + shift);
        await using var probe = await ProbeSetup.StartAsync(options, province, ingest, counters, prefix, () => context.ServerNow, output, cancellationToken);
        await using var snapshots = options.Http is { } watched ? new SnapshotWatch(watched, options.Token) : null;
        var timeline = new Timeline(counters, () => probe?.Probe.TakeInterval(), progress, snapshots is null ? null : () => snapshots.Rounds);

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(options.Duration);
        var sending = options.Mode == TransportMode.Unary ? UnarySender.RunAsync(context, stop.Token) : StreamSender.RunAsync(context, stop.Token);
        using (var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1)))
        {
            while (!sending.IsCompleted && await ticks.WaitForNextTickAsync(CancellationToken.None))
            {
                timeline.Tick(pacer.Elapsed.TotalSeconds, stop.IsCancellationRequested ? 0 : pacer.RateAt(pacer.Elapsed), pacer.Hour);
            }
        }
        await sending;
        var traffic = pacer.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var summary = probe is null ? null : await probe.FinishAsync();
        timeline.Tick(pacer.Elapsed.TotalSeconds, 0, pacer.Hour);
        progress.Done($"traffic done after {traffic.TotalSeconds:0.0} s: {counters.Accepted:N0} accepted");

        ServerCounters? after = null;
        if (before is not null) (after, serverProblem) = await ServerCounters.ReadAsync(options.Http!, options.Token, cancellationToken, keyId);
        return new RunResult(options, province.Schools.Count, province.Teachers, roster, traffic, cpu, counters, timeline, summary, before, after, serverProblem);
    }
}
