using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Runtime;
using ZhijiangLive.Grains.Schools;
using ZhijiangLive.Grains.Snapshots;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Teachers;

public sealed class TeacherGrain(GrainServices services) : Grain<TeacherGrainState>, ITeacherGrain
{
    public const string Kind = "teacher";

    protected override TeacherGrainState CreateState() => new(Id.Key);

    /// <summary>
    /// Scores an event; <paramref name="position"/> is its journal position (0 when it has none). An event
    /// the state already includes, because it was restored from a snapshot taken after it, is passed over.
    /// </summary>
    public ScoreOutcome Publish(ActivityEvent activity, DateTimeOffset acceptedAt, long position = 0)
    {
        if (position != 0 && position <= State.Marks.Covered)
        {
            return default;
        }
        if (State.Entry is not { } entry)
        {
            return ScoreOutcome.Rejected(RejectionReason.UnknownTeacher, $"teacher '{Id.Key}' is not on the roster");
        }
        if (entry.Locked)
        {
            return ScoreOutcome.Rejected(RejectionReason.TeacherLocked, $"teacher '{Id.Key}' is locked");
        }
        var outcome = services.Scorer.Apply(State.Scores, activity, acceptedAt);
        if (outcome.IsRejected)
        {
            return outcome;
        }
        State.Marks.Apply(position);
        State.Ledger.Add(outcome.Entry, State.Scores.HorizonDay, services.Options.LedgerEntriesPerTeacher, services.LedgerNotes);
        if (outcome.Entry.Points != 0)
        {
            // An event up to 5 min early may fall on tomorrow; report for whichever day is later.
            var today = Math.Max(services.Calendar.DayOf(acceptedAt), outcome.Entry.Day.DayNumber);
            ReportIfChanged(entry.SchoolId, today);
        }
        return outcome;
    }

    public void Upsert(TeacherEntry entry)
    {
        var previous = State.Entry;
        // The same entry again (as when a restart applies the roster snapshot) changes nothing worth a snapshot.
        State.Marks.Dirty |= previous != entry;
        State.Entry = entry;
        var wasCounted = previous is { Locked: false };
        var isCounted = !entry.Locked;
        var sameSchool = previous?.SchoolId == entry.SchoolId;
        var today = services.Today;
        if (wasCounted && (!isCounted || !sameSchool))
        {
            Send(Report(previous!.SchoolId, today, counted: false));
            State.LastReport = null;
        }
        if (isCounted && (!wasCounted || !sameSchool))
        {
            State.LastReport = Report(entry.SchoolId, today, counted: true);
            Send(State.LastReport.Value);
        }
    }

    /// <summary>
    /// Tells the school this teacher's standing again, as after a restart, when schools and regions are built
    /// anew from their teachers rather than from snapshots of their own.
    /// </summary>
    public void Announce()
    {
        if (State.Entry is { Locked: false } entry)
        {
            // Not a change worth a snapshot: after a restart, schools start afresh and accept any sequence number.
            State.LastReport = Report(entry.SchoolId, services.Today, counted: true);
            Send(State.LastReport.Value);
        }
    }

    /// <summary>The state as a snapshot at <paramref name="cut"/>, if it changed since the last one.</summary>
    public TeacherSnapshot? TakeSnapshot(long cut)
    {
        if (!State.Marks.Dirty)
        {
            return null;
        }
        var (version, covered) = State.Marks.Take(cut);
        return new TeacherSnapshot(Id.Key, version, covered, TeacherGrainStateCodec.Serialize(State, services.LedgerNotes));
    }

    public override void OnDeactivate()
    {
        if (services.ParkedSnapshots is { } parked && TakeSnapshot(0) is { } snapshot)
        {
            parked.Park(snapshot);
        }
    }

    public TeacherView? Get(DateOnly date) =>
        State.Entry is { } entry ? new TeacherView(entry, services.Reader.Read(State.Scores, date)) : null;

    public LedgerDay? Explain(DateOnly date) =>
        State.Entry is null ? null : State.Ledger.Read(date, services.FirstOpenDay, services.LedgerNotes);

    private void ReportIfChanged(string schoolId, int today)
    {
        var keys = PeriodKeys.Of(today);
        var scores = ScoresAround(today);
        if (State.LastReport is { } last && last.Keys == keys && last.Scores == scores)
        {
            return;
        }
        State.LastReport = new TeacherChange(Id.Key, ++State.ReportSeq, schoolId, true, keys, scores);
        Send(State.LastReport.Value);
    }

    private TeacherChange Report(string schoolId, int today, bool counted) =>
        new(Id.Key, ++State.ReportSeq, schoolId, counted, PeriodKeys.Of(today), ScoresAround(today));

    private PeriodScores ScoresAround(int today)
    {
        var (day, month, year) = ScoreReader.PointsAround(State.Scores, today);
        return new PeriodScores(day, month, year);
    }

    private void Send(TeacherChange report) =>
        Runtime.SendBuffered<SchoolGrain, TeacherChange>(
            new GrainId(SchoolGrain.Kind, report.SchoolId), report, static (school, reports) => school.Receive(reports));
}
