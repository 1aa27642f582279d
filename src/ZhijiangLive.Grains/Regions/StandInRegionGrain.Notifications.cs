using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Regions;

public sealed partial class StandInRegionGrain
{
    private IDisposable? _notifyTimer;

    /// <summary>Starts pushing updates: a full one now, then at most one per notify interval while anything changes.</summary>
    public void Subscribe(RegionSubscription subscription)
    {
        if (State.Entry is null)
        {
            throw new ArgumentException($"region '{Id.Key}' is not on the roster");
        }
        State.Subscriptions.Add(subscription);
        if (State.Subscriptions.Count == 1)
        {
            // The snapshot below carries every change so far; only later ones are news.
            Core.TakeChanged();
        }
        Deliver(subscription, Core.Update(subscription.Period));
        StartNotifying();
    }

    public void Unsubscribe(long subscriptionId)
    {
        State.Subscriptions.RemoveAll(s => s.Id == subscriptionId);
        if (State.Subscriptions.Count == 0)
        {
            _notifyTimer?.Dispose();
            _notifyTimer = null;
        }
    }

    private void StartNotifying()
    {
        var interval = services.Options.NotifyInterval;
        _notifyTimer ??= RegisterTimer(NotifyIfChanged, interval, interval);
    }

    // Coalescing: whatever happened during an interval goes out as one update per follower.
    private void NotifyIfChanged()
    {
        if (State.Entry is null || !Core.TakeChanged())
        {
            return;
        }
        var updates = new RegionUpdate?[3];
        foreach (var subscription in State.Subscriptions)
        {
            Deliver(subscription, updates[(int)subscription.Period] ??= Core.Update(subscription.Period));
        }
    }

    // One follower's failure must not cost the others their updates.
    private static void Deliver(RegionSubscription subscription, RegionUpdate update)
    {
        try
        {
            subscription.OnUpdate(update);
        }
        catch (Exception)
        {
            // The follower owns its callback; a broken one simply misses this update.
        }
    }
}
