namespace ZhijiangLive.Grains.Cluster;

/// <summary>The facade's calls still running, so that a flush can wait for everything sent before it.</summary>
internal sealed class InFlight
{
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _running = [];

    public Task<T> Track<T>(Task<T> call)
    {
        if (call.IsCompleted)
        {
            return call;
        }
        lock (_gate)
        {
            _running.Add(call);
        }
        _ = call.ContinueWith(done =>
        {
            lock (_gate)
            {
                _running.Remove(done);
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return call;
    }

    public Task DrainAsync()
    {
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }
        // A failed call is its caller's to report; a flush only waits for it to end.
        return Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
