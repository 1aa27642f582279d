using System.Diagnostics;
using ZhijiangLive.Silo.Ingest;

namespace ZhijiangLive.Silo.Operations;

/// <summary>
/// Readiness through the host's life. At start, gRPC health follows readiness (NOT_SERVING until started);
/// once every service has started (recovery, which replays the journal, runs before the ports open) the
/// silo counts as recovered. The first thing a stop does (SIGTERM, Ctrl-C): the silo turns not ready and
/// refuses new ingest calls (UNAVAILABLE, "the silo is shutting down"), then waits until every group
/// already taken is journaled. The web server then finishes the calls in flight, and the snapshot writer's
/// last round cuts after all of them, so a restart replays nothing. The host bounds the whole stop by
/// <c>Zhijiang:ShutdownTimeout</c>.
/// </summary>
public sealed class SiloLifecycle(
    Readiness readiness, IngestSequencer sequencer, GrpcHealthFollower health, IHostApplicationLifetime lifetime,
    ILogger<SiloLifecycle> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        health.Start();
        // Refuse at the first signal, before any service's stop begins.
        lifetime.ApplicationStopping.Register(() =>
        {
            readiness.StopStarted();
            _ = sequencer.CloseAsync();
        });
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        readiness.Recovered();
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        readiness.StopStarted();
        try
        {
            await sequencer.CloseAsync().WaitAsync(cancellationToken);
            logger.LogInformation("Stopping: ingest closed and drained in {Milliseconds} ms", clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The stop's time ran out: what is still in the sequence was not acknowledged, so nothing is lost.
            logger.LogWarning("Stopping: ingest was not drained within the shutdown timeout");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
