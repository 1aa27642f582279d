using System.Collections.Concurrent;

namespace ZhijiangLive.Grains.Snapshots;

/// <summary>The newest snapshot of each grain left behind, until a snapshot round takes them all.</summary>
internal sealed class ParkingLot<TKey, TSnapshot>(Func<TSnapshot, TKey> keyOf, Func<TSnapshot, long> versionOf) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TSnapshot> _parked = new();

    public void Park(TSnapshot snapshot) =>
        _parked.AddOrUpdate(keyOf(snapshot), snapshot, (_, old) => versionOf(old) >= versionOf(snapshot) ? old : snapshot);

    public List<TSnapshot> TakeAll()
    {
        var taken = new List<TSnapshot>(_parked.Count);
        foreach (var key in _parked.Keys)
        {
            if (_parked.TryRemove(key, out var snapshot))
            {
                taken.Add(snapshot);
            }
        }
        return taken;
    }
}
