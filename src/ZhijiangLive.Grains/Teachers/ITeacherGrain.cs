using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Teachers;

/// <summary>
/// One teacher: scores its accepted events with the rule pack and reports every change of its current
/// day, month and year scores to its school.
/// </summary>
public interface ITeacherGrain
{
    /// <summary>Scores one accepted event; refuses it if the teacher is not on the roster or is locked.</summary>
    ScoreOutcome Publish(ActivityEvent activity, DateTimeOffset acceptedAt, long position = 0);

    /// <summary>Takes a roster entry: a new teacher, a rename, a move to another school, a lock or unlock.</summary>
    void Upsert(TeacherEntry entry);

    /// <summary>The teacher's entry and scores around <paramref name="date"/>; null if not on the roster.</summary>
    TeacherView? Get(DateOnly date);

    /// <summary>The ledger entries of <paramref name="date"/>, if that day is still kept; null if not on the roster.</summary>
    LedgerDay? Explain(DateOnly date);
}
