using Google.Protobuf;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Snapshots;
using ZhijiangLive.Silo.Mapping;
using ZhijiangLive.Storage;

namespace ZhijiangLive.Silo.Durability;

/// <summary>
/// How snapshots sit in the store. A teacher is one row, replaced by newer versions. The roster is one row
/// per cut at which it had changed, keyed by that position: recovery needs the roster as it was at the
/// watermark, and a round that wrote its roster but died before moving the watermark must not replace it.
/// </summary>
public static class SnapshotRows
{
    public const string Teacher = "teacher";
    public const string Roster = "roster";

    public static GrainSnapshot Of(TeacherSnapshot teacher) => new(Teacher, teacher.TeacherId, teacher.Version, teacher.Covered, teacher.State);

    public static TeacherSnapshot ToTeacher(GrainSnapshot row) => new(row.Key, row.Version, row.Position, row.State);

    public static GrainSnapshot Of(RosterDirectory roster, long cut) =>
        new(Roster, cut.ToString("D19"), cut, cut, RosterMapping.ToWire(roster).ToByteArray());

    public static Grains.Cluster.RosterBatch ToRoster(GrainSnapshot row) =>
        RosterMapping.ToDomain(Contracts.V1.RosterBatch.Parser.ParseFrom(row.State));
}
