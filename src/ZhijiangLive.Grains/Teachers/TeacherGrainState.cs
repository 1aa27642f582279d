using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Grains.Teachers;

/// <summary>
/// A teacher grain's state: the rules' memory, the ledger of its recent days, the roster entry, and what
/// it last told its school.
/// </summary>
public sealed class TeacherGrainState(string teacherId)
{
    public TeacherState Scores { get; } = new(teacherId);
    public RecentLedger Ledger { get; } = new();
    public TeacherEntry? Entry { get; set; }

    /// <summary>Numbers this teacher's reports so aggregators can tell a stale one from a newer one.</summary>
    public long ReportSeq { get; set; }

    /// <summary>The last report sent to the current school, to skip sending one that changes nothing.</summary>
    public TeacherChange? LastReport { get; set; }
}
