namespace ZhijiangLive.Grains.Snapshots;

/// <summary>
/// Histories of schools and regions taken as their grains were deactivated, waiting for the next snapshot
/// round: a round only visits active grains. (A teacher writes its own state to grain storage instead.)
/// </summary>
public sealed class ParkedSnapshots
{
    private readonly ParkingLot<(string, string), GroupHistorySnapshot> _histories = new(s => (s.Kind, s.Key), s => s.Version);

    public void Park(GroupHistorySnapshot history) => _histories.Park(history);

    public List<GroupHistorySnapshot> TakeAllHistories() => _histories.TakeAll();
}
