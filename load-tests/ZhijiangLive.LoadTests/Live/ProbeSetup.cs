using Microsoft.AspNetCore.SignalR.Client;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.LoadTests.Measure;
using ZhijiangLive.LoadTests.Options;
using ZhijiangLive.LoadTests.Province;
using ZhijiangLive.LoadTests.Run;

namespace ZhijiangLive.LoadTests.Live;

/// <summary>
/// The push probe's life: connected to the hub when <c>--http</c> is given and marks are wanted, the marker's
/// score read first (through Query, with the bureau token), stopped after the traffic with a few seconds
/// for the last pushes to come.
/// </summary>
public sealed class ProbeSetup : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly CancellationTokenSource _stop = new();
    private readonly string _region;
    private Task _running = Task.CompletedTask;
    private volatile string? _closed;

    private ProbeSetup(HubConnection hub, PushProbe probe, string region)
    {
        (_hub, Probe, _region) = (hub, probe, region);
        hub.Closed += error =>
        {
            _closed = error?.Message ?? "closed by the hub";
            return Task.CompletedTask;
        };
    }

    /// <summary>Why the probe stopped hearing from the hub, if it did.</summary>
    private string? Closed => _closed ?? Probe.Failure;

    public PushProbe Probe { get; }

    public static async Task<ProbeSetup?> StartAsync(LoadOptions options, GeneratedProvince province, ZhijiangClient ingest, RunCounters counters,
        string prefix, Func<DateTimeOffset> serverNow, TextWriter output, CancellationToken cancellationToken)
    {
        if (options.Http is null || options.MarksPerSecond <= 0) return null;
        var region = options.WatchRegion ?? province.MarkerCountyId;
        var hub = DashboardHub.Connection(options.Http, options.Token);
        try
        {
            await hub.StartAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            await hub.DisposeAsync();
            output.WriteLine($"push probe off: the hub could not be reached ({error.Message})");
            return null;
        }
        var setup = new ProbeSetup(hub, new PushProbe(hub, ingest, counters, prefix, serverNow), region);
        var start = await MarkerScoreAsync(options, cancellationToken);
        setup._running = setup.Probe.RunAsync(region, start, options.MarksPerSecond, setup._stop.Token);
        return setup;
    }

    public async Task<ProbeSummary> FinishAsync()
    {
        _stop.Cancel();
        await _running;
        for (var waited = 0; waited < 50 && Probe.Unresolved > 0 && Closed is null; waited++)
        {
            await Task.Delay(100); // the hub coalesces pushes to one a second: the last marks need up to that long
        }
        return new ProbeSummary(_region, Probe.Marks, Probe.Pushes, Probe.Unresolved, Probe.Latency, Closed);
    }

    /// <summary>The marker's day score now (0 on a fresh server, or if it cannot be read).</summary>
    private static async Task<long> MarkerScoreAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        var auth = options.Token ?? options.ApiKey;
        using var query = new ZhijiangClient(options.Target, new ZhijiangClientOptions
        {
            Metadata = auth is null ? [] : [new("authorization", $"Bearer {auth}")], AcceptAnyServerCertificate = true,
        });
        try
        {
            return (await query.GetTeacherAsync(new GetRequest { Id = GeneratedProvince.MarkerTeacherId }, cancellationToken: cancellationToken)).Day;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _running;
        await _hub.DisposeAsync();
        _stop.Dispose();
    }
}
