using Orleans;
using Orleans.Concurrency;
using ZhijiangLive.Grains.Evaluations;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Snapshots;
using ZhijiangLive.Scoring;

namespace ZhijiangLive.Grains.Teachers;

/// <summary>
/// One teacher on Orleans, keyed by teacher id: scores its accepted events with the rule pack and reports
/// every change of its current day, month and year scores to its school (<see cref="Schools.ISchoolGrain"/>).
/// </summary>
[Alias("zl.ITeacherGrain")]
public interface ITeacherGrain : IGrainWithStringKey
{
    /// <summary>
    /// Scores the teacher's events of one ingest group, in order, and answers one outcome per event; an
    /// event is refused if the teacher is not on the roster or is locked. The resulting reports reach the
    /// school through the silo's <see cref="Forwarding.SchoolOutbox"/>.
    /// </summary>
    [Alias("Publish")]
    Task<TeacherOutcomes> PublishAsync(TeacherEvents events);

    /// <summary>Takes a roster entry: a new teacher, a rename, a move to another school, a lock or unlock.</summary>
    [Alias("Upsert")]
    Task UpsertAsync(TeacherEntry entry);

    /// <summary>Starts or stops counting for the teacher's registrations as a candidate (报名), in journal order.</summary>
    [Alias("Register")]
    Task RegisterAsync(CandidateRegistration[] registrations);

    /// <summary>
    /// The teacher's value of every measure <paramref name="rubricId"/> reads, in the order of
    /// <see cref="Scoring.Rubrics.Sheets.CandidateFigures.MeasuresOf"/>; all zero for a teacher not registered.
    /// </summary>
    [Alias("Measured"), ReadOnly]
    Task<long[]> MeasuredAsync(string rubricId, int year);

    /// <summary>Tells the school this teacher's standing again, as after a restart.</summary>
    [Alias("Announce")]
    Task AnnounceAsync();

    /// <summary>
    /// Writes the state to grain storage as of journal position <paramref name="cut"/>, if it changed since
    /// it was last written or taken; true if it wrote.
    /// </summary>
    [Alias("Save")]
    Task<bool> SaveAsync(long cut);

    /// <summary>The state as a snapshot at journal position <paramref name="cut"/>, if it changed since the last one.</summary>
    [Alias("TakeSnapshot")]
    Task<TeacherSnapshot?> TakeSnapshotAsync(long cut);

    /// <summary>The teacher's entry and scores around <paramref name="date"/>; null if not on the roster.</summary>
    [Alias("Get"), ReadOnly]
    Task<TeacherView?> GetAsync(DateOnly date);

    /// <summary>The ledger entries of <paramref name="date"/>, if that day is still kept; null if not on the roster.</summary>
    [Alias("Explain"), ReadOnly]
    Task<LedgerDay?> ExplainAsync(DateOnly date);
}
