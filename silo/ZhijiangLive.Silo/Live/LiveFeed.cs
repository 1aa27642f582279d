using Microsoft.AspNetCore.SignalR;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Silo.Metrics;

namespace ZhijiangLive.Silo.Live;

/// <summary>
/// One connection's subscription. The region hands it updates on a grain partition; the feed keeps only the
/// latest and sends it when the previous send has finished, so a slow or stalled browser holds up nobody
/// and costs one update's memory, never a queue of stale ones. The first message is a full "snapshot";
/// later ones are "update"s with only the sections that changed.
/// </summary>
public sealed class LiveFeed(IClientProxy client, LiveViews views, ILogger logger, SiloMetrics? metrics = null) : IDisposable
{
    private readonly Lock _lock = new();
    private RegionUpdate? _latest;
    private bool _sending;
    private bool _disposed;
    private LiveMessage? _lastSent;

    public IDisposable? Subscription { get; set; }

    /// <summary>Called on the region's partition: must return at once.</summary>
    public void Offer(RegionUpdate update)
    {
        lock (_lock)
        {
            _latest = update;
            if (_sending || _disposed)
            {
                return;
            }
            _sending = true;
        }
        _ = Task.Run(SendLatestAsync);
    }

    private async Task SendLatestAsync()
    {
        while (true)
        {
            RegionUpdate update;
            lock (_lock)
            {
                if (_latest is null || _disposed)
                {
                    _sending = false;
                    return;
                }
                (update, _latest) = (_latest, null);
            }
            try
            {
                var message = await views.BuildAsync(update);
                if (_lastSent is null)
                {
                    await client.SendAsync("snapshot", message);
                    metrics?.Pushed("snapshot");
                }
                else if (LiveDiff.Changes(_lastSent, message) is { } changes)
                {
                    await client.SendAsync("update", changes);
                    metrics?.Pushed("update");
                }
                _lastSent = message;
            }
            catch (Exception error)
            {
                logger.LogDebug("A live update was not delivered: {Error}", error.Message);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _latest = null;
        }
        Subscription?.Dispose();
    }
}
