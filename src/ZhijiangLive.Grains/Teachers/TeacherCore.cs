using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Evaluations;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Snapshots;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.Rubrics.Measures;
using ZhijiangLive.Scoring.Rubrics.Sheets;

namespace ZhijiangLive.Grains.Teachers;

/// <summary>
/// What a teacher grain decides, whichever runtime hosts it: roster gating, scoring with the rule pack,
/// the recent ledger, journal marks, and the reports its school must hear. Reports are appended to the
/// caller's list rather than sent, so that each host delivers them its own way (and can coalesce them).
/// </summary>
public sealed class TeacherCore(string teacherId, TeacherGrainState state, GrainServices services)
{
    public TeacherGrainState State => state;

    /// <summary>
    /// Scores an event; <paramref name="position"/> is its journal position (0 when it has none). An event
    /// the state already includes is passed over: it was restored from a snapshot taken after it, or (a replay
    /// after the journal's owner failed over to another silo) this grain scored it before.
    /// </summary>
    public ScoreOutcome Publish(ActivityEvent activity, DateTimeOffset acceptedAt, long position, List<TeacherChange> reports)
    {
        if (position != 0 && state.Marks.Includes(position))
        {
            return default;
        }
        state.Marks.Handle(position);
        if (state.Entry is not { } entry)
        {
            return ScoreOutcome.Rejected(RejectionReason.UnknownTeacher, $"teacher '{teacherId}' is not on the roster");
        }
        if (entry.Locked)
        {
            return ScoreOutcome.Rejected(RejectionReason.TeacherLocked, $"teacher '{teacherId}' is locked");
        }
        var outcome = services.Scorer.Apply(state.Scores, activity, acceptedAt);
        if (outcome.IsRejected)
        {
            return outcome;
        }
        state.Marks.Apply(position);
        state.Measures = services.Measures.Observe(state.Measures, state.Scores, activity);
        if (!outcome.MeasuresOnly)
        {
            // A measures-only event has no rule, and the ledger explains points by rule: it is not an entry there.
            state.Ledger.Add(outcome.Entry, state.Scores.HorizonDay, services.Options.LedgerEntriesPerTeacher, services.LedgerNotes);
        }
        if (outcome.Entry.Points != 0)
        {
            // An event up to 5 min early may fall on tomorrow; report for whichever day is later.
            var today = Math.Max(services.Calendar.DayOf(acceptedAt), outcome.Entry.Day.DayNumber);
            ReportIfChanged(entry.SchoolId, today, pastChanged: outcome.Entry.Day.DayNumber != today, reports);
        }
        return outcome;
    }

    /// <summary>Takes a roster entry: a new teacher, a rename, a move to another school, a lock or unlock.</summary>
    public void Upsert(TeacherEntry entry, List<TeacherChange> reports)
    {
        var previous = state.Entry;
        // The same entry again (as when a restart applies the roster snapshot) changes nothing worth a snapshot.
        state.Marks.Dirty |= previous != entry;
        state.Entry = entry;
        var wasCounted = previous is { Locked: false };
        var isCounted = !entry.Locked;
        var sameSchool = previous?.SchoolId == entry.SchoolId;
        var today = services.Today;
        if (wasCounted && (!isCounted || !sameSchool))
        {
            reports.Add(Report(previous!.SchoolId, today, counted: false));
            state.LastReport = null;
            state.LastReportHasPast = false;
        }
        if (isCounted && (!wasCounted || !sameSchool))
        {
            state.LastReport = Report(entry.SchoolId, today, counted: true);
            state.LastReportHasPast = true;
            reports.Add(state.LastReport.Value);
        }
    }

    /// <summary>Starts counting for each registration as a candidate (报名), or stops for a withdrawal, in the order given.</summary>
    public void Register(IEnumerable<CandidateRegistration> registrations)
    {
        foreach (var registration in registrations)
        {
            if (registration.Withdrawn)
            {
                MeasureKeeper.Withdraw(state.Measures, registration.RubricId, registration.Year);
            }
            else
            {
                state.Measures = MeasureKeeper.Register(state.Measures, registration.RubricId, registration.Year, registration.From);
            }
        }
        state.Marks.Dirty = true;
    }

    /// <summary>
    /// The value of every measure the rubric reads, in <see cref="CandidateFigures.MeasuresOf"/> order; all
    /// zero unless the teacher is registered for it that year (an unknown rubric reads nothing).
    /// </summary>
    public long[] Measured(string rubricId, int year)
    {
        if (!services.Rubrics.TryGetValue(rubricId, out var rubric))
        {
            return [];
        }
        var measures = CandidateFigures.MeasuresOf(rubric);
        if (state.Measures?.TallyFor(rubricId, year) is not { } tally)
        {
            return new long[measures.Count()];
        }
        return [.. measures.Select(m => MeasureReader.Value(m, state.Scores, state.Measures, tally, year))];
    }

    /// <summary>
    /// Tells the school this teacher's standing again, as after a restart, when schools and regions are built
    /// anew from their teachers rather than from snapshots of their own.
    /// </summary>
    public void Announce(List<TeacherChange> reports)
    {
        if (state.Entry is { Locked: false } entry)
        {
            // Not a change worth a snapshot: after a restart, schools start afresh and accept any sequence number.
            state.LastReport = Report(entry.SchoolId, services.Today, counted: true);
            state.LastReportHasPast = true;
            reports.Add(state.LastReport.Value);
        }
    }

    /// <summary>The state as a snapshot at <paramref name="cut"/>, if it changed since the last one.</summary>
    public TeacherSnapshot? TakeSnapshot(long cut)
    {
        if (!state.Marks.Dirty)
        {
            return null;
        }
        var (version, covered) = state.Marks.Take(cut);
        return new TeacherSnapshot(teacherId, version, covered, TeacherGrainStateCodec.Serialize(state, services.LedgerNotes));
    }

    /// <summary>The teacher's entry and scores around <paramref name="date"/>; null if not on the roster.</summary>
    public TeacherView? Get(DateOnly date) =>
        state.Entry is { } entry ? new TeacherView(entry, services.Reader.Read(state.Scores, date)) : null;

    /// <summary>The ledger entries of <paramref name="date"/>, if that day is still kept; null if not on the roster.</summary>
    public LedgerDay? Explain(DateOnly date) =>
        state.Entry is null ? null : state.Ledger.Read(date, services.FirstOpenDay, services.LedgerNotes);

    /// <param name="pastChanged">True when the event counted in a closed day: the report's past must be built anew.</param>
    private void ReportIfChanged(string schoolId, int today, bool pastChanged, List<TeacherChange> reports)
    {
        var keys = PeriodKeys.Of(today);
        var scores = ScoresAround(today);
        var last = state.LastReport;
        if (!pastChanged && last is { } unchanged && unchanged.Keys == keys && unchanged.Scores == scores)
        {
            return;
        }
        var seq = ++state.ReportSeq;
        // The same past travels on while it is the same, so aggregators re-count only the current periods.
        var past = !pastChanged && state.LastReportHasPast && last is { } previous && previous.Keys == keys
            ? previous.Past
            : TeacherPast.Of(state.Scores, keys, seq);
        state.LastReport = new TeacherChange(teacherId, seq, schoolId, true, keys, scores, Past: past);
        state.LastReportHasPast = true;
        reports.Add(state.LastReport.Value);
    }

    private TeacherChange Report(string schoolId, int today, bool counted)
    {
        var seq = ++state.ReportSeq;
        var keys = PeriodKeys.Of(today);
        return new(teacherId, seq, schoolId, counted, keys, ScoresAround(today), Past: TeacherPast.Of(state.Scores, keys, seq));
    }

    private PeriodScores ScoresAround(int today)
    {
        var (day, month, year) = ScoreReader.PointsAround(state.Scores, today);
        return new PeriodScores(day, month, year);
    }
}
