namespace ZhijiangLive.Grains.Snapshots;

/// <summary>
/// Snapshots taken as grains were deactivated, waiting for the next snapshot round. A round only visits
/// active grains; a teacher (or a school's or region's history) that changed and then went idle would
/// otherwise never be written.
/// </summary>
public sealed class ParkedSnapshots
{
    private readonly ParkingLot<string, TeacherSnapshot> _teachers = new(s => s.TeacherId, s => s.Version);
    private readonly ParkingLot<(string, string), GroupHistorySnapshot> _histories = new(s => (s.Kind, s.Key), s => s.Version);

    public void Park(TeacherSnapshot snapshot) => _teachers.Park(snapshot);

    public void Park(GroupHistorySnapshot history) => _histories.Park(history);

    public List<TeacherSnapshot> TakeAll() => _teachers.TakeAll();

    public List<GroupHistorySnapshot> TakeAllHistories() => _histories.TakeAll();
}
