using Google.Protobuf;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Schools;
using ZhijiangLive.Grains.Snapshots;
using ZhijiangLive.Silo.Mapping;
using ZhijiangLive.Storage;

namespace ZhijiangLive.Silo.Durability;

/// <summary>
/// How snapshots sit in the store. A teacher is one row, replaced by newer versions. The roster is one row
/// per cut at which it had changed, keyed by that position: recovery needs the roster as it was at the
/// watermark, and a round that wrote its roster but died before moving the watermark must not replace it.
/// A school's or region's closed-period history is one row under the grain's own kind.
/// </summary>
public static class SnapshotRows
{
    /// <summary>A teacher grain's state, as its grain storage writes it.</summary>
    public const string Teacher = Grains.Storage.TeacherRecord.StateName;
    public const string Roster = "roster";

    public static GrainSnapshot Of(TeacherSnapshot teacher) => new(Teacher, teacher.TeacherId, teacher.Version, teacher.Covered, teacher.State);

    public static TeacherSnapshot ToTeacher(GrainSnapshot row) => new(row.Key, row.Version, row.Position, row.State);

    public static bool IsHistory(GrainSnapshot row) => row.Kind is SchoolCore.Kind or RegionCore.Kind;

    public static GrainSnapshot Of(GroupHistorySnapshot history, long cut) => new(history.Kind, history.Key, history.Version, cut, history.State);

    public static GroupHistorySnapshot ToHistory(GrainSnapshot row) => new(row.Kind, row.Key, row.Version, row.State);

    public static GrainSnapshot Of(RosterDirectory roster, long cut) =>
        new(Roster, cut.ToString("D19"), cut, cut, RosterMapping.ToWire(roster).ToByteArray());

    /// <summary>
    /// Of the roster rows seen so far (<paramref name="chosen"/>) and <paramref name="row"/>, the one that holds
    /// the roster as it was at <paramref name="position"/>: the newest written at or before it.
    /// </summary>
    public static GrainSnapshot? RosterAt(long position, GrainSnapshot? chosen, GrainSnapshot row) =>
        row.Kind == Roster && row.Position <= position && row.Position > (chosen?.Position ?? -1) ? row : chosen;

    public static Grains.Cluster.RosterBatch ToRoster(GrainSnapshot row) =>
        RosterMapping.ToDomain(Contracts.V1.RosterBatch.Parser.ParseFrom(row.State));
}
