using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Regions;

public sealed partial class RegionGrain
{
    private IDisposable? _notifyTimer;
    private bool _changedSinceNotify;

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
            _changedSinceNotify = false;
        }
        Deliver(subscription, BuildUpdate(subscription.Period));
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

    private void MarkChanged() => _changedSinceNotify = true;

    private void StartNotifying()
    {
        var interval = services.Options.NotifyInterval;
        _notifyTimer ??= RegisterTimer(NotifyIfChanged, interval, interval);
    }

    // Coalescing: whatever happened during an interval goes out as one update per follower.
    private void NotifyIfChanged()
    {
        if (!_changedSinceNotify || State.Entry is null)
        {
            return;
        }
        _changedSinceNotify = false;
        var updates = new RegionUpdate?[3];
        foreach (var subscription in State.Subscriptions)
        {
            Deliver(subscription, updates[(int)subscription.Period] ??= BuildUpdate(subscription.Period));
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

    private RegionUpdate BuildUpdate(Period period)
    {
        var top = services.Options.NotifyTop;
        var figures = CurrentFigures();
        var view = Get(services.Calendar.DateOf(services.Time.GetUtcNow()))!;
        return new RegionUpdate(
            view,
            period,
            figures.Members.TeacherBoard(period).Page(0, top),
            figures.SchoolBoards[(int)period].Page(0, top),
            figures.ChildBoards[(int)period].Page(0, top));
    }
}
