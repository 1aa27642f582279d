using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Scoring.Rubrics.Measures;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Grains.Teachers;

/// <summary>
/// A teacher grain's state: the rules' memory, the ledger of its recent days, the roster entry, what the
/// evaluation rubrics measure, and what it last told its school.
/// </summary>
public sealed class TeacherGrainState
{
    public TeacherGrainState(string teacherId)
        : this(new TeacherState(teacherId), new RecentLedger())
    {
    }

    /// <summary>A state restored from a snapshot (see <see cref="TeacherGrainStateCodec"/>).</summary>
    internal TeacherGrainState(TeacherState scores, RecentLedger ledger)
    {
        Scores = scores;
        Ledger = ledger;
    }

    public TeacherState Scores { get; }
    public RecentLedger Ledger { get; }
    public TeacherEntry? Entry { get; set; }

    /// <summary>What the evaluation rubrics measure of this space; null until something is.</summary>
    public TeacherMeasures? Measures { get; set; }

    /// <summary>Journal positions and snapshot versions; not part of a snapshot's bytes.</summary>
    public Snapshots.SnapshotMarks Marks { get; } = new();

    /// <summary>Numbers this teacher's reports so aggregators can tell a stale one from a newer one.</summary>
    public long ReportSeq { get; set; }

    /// <summary>The last report sent to the current school, to skip sending one that changes nothing.</summary>
    public TeacherChange? LastReport { get; set; }

    /// <summary>
    /// True once <see cref="LastReport"/> was made here rather than read from a snapshot, which does not
    /// keep its past: only then may the next report carry the same past on.
    /// </summary>
    public bool LastReportHasPast { get; set; }
}
