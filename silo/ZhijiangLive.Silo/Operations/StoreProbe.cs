using ZhijiangLive.Storage;

namespace ZhijiangLive.Silo.Operations;

/// <summary>
/// Pings the store every <see cref="HealthOptions.ProbeInterval"/>, and at once when the journal's
/// availability changes, and tells <see cref="Readiness"/> whether it answered within
/// <see cref="HealthOptions.ProbeTimeout"/>. The first ping runs before the silo reports itself started.
/// </summary>
public sealed class StoreProbe(IDurableStore store, Readiness readiness, HealthOptions options, TimeProvider time, ILogger<StoreProbe> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        readiness.ProbeWanted += () => _wake.Release();
        await ProbeAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var wake = _wake.WaitAsync(stopping);
        while (!stopping.IsCancellationRequested)
        {
            using (var sleep = CancellationTokenSource.CreateLinkedTokenSource(stopping))
            {
                var woken = await Task.WhenAny(Task.Delay(options.ProbeInterval, time, sleep.Token), wake);
                await sleep.CancelAsync();
                if (woken == wake)
                {
                    wake = _wake.WaitAsync(stopping);
                }
            }
            if (!stopping.IsCancellationRequested)
            {
                await ProbeAsync(stopping);
            }
        }
    }

    public async Task ProbeAsync(CancellationToken cancellation)
    {
        using var timeout = new CancellationTokenSource(options.ProbeTimeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeout.Token);
        string? problem;
        try
        {
            // WaitAsync as well: a store that waits its turn for a connection may not look at the token.
            await store.PingAsync(either.Token).WaitAsync(either.Token);
            problem = null;
        }
        catch (Exception) when (cancellation.IsCancellationRequested)
        {
            return;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            problem = $"the {store.Name} store did not answer within {options.ProbeTimeout.TotalSeconds:0.###} s";
        }
        catch (Exception error)
        {
            problem = $"the {store.Name} store is unreachable: {error.Message}";
        }
        if (problem is not null && readiness.Report().Checks["store"] == Readiness.Ok)
        {
            logger.LogWarning("Not ready: {Problem}", problem);
        }
        readiness.StoreProbed(problem);
    }
}
