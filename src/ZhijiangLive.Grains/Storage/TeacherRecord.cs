using ZhijiangLive.Grains.Teachers;

namespace ZhijiangLive.Grains.Storage;

/// <summary>
/// What a teacher grain keeps in Orleans grain storage: its whole state, or null before its first write.
/// <see cref="SnapshotGrainStorage"/> stores it as the teacher's snapshot row, in the compact
/// <see cref="TeacherGrainStateCodec"/> form, with the snapshot's version and the journal position it covers.
/// </summary>
public sealed class TeacherRecord
{
    /// <summary>The state name, and the snapshot rows' kind.</summary>
    public const string StateName = "teacher";

    public TeacherGrainState? State { get; set; }
}
