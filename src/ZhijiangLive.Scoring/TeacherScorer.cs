using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.Rules;
using ZhijiangLive.Scoring.State;
using ZhijiangLive.Scoring.Time;

namespace ZhijiangLive.Scoring;

/// <summary>
/// Applies the rule pack to one teacher's state, one accepted event at a time. Pure: the same events
/// with the same acceptance times always leave the same state and ledger, which is what lets a journal
/// replay reproduce scores exactly. Not thread-safe per state; a state belongs to one caller at a time.
/// </summary>
public sealed class TeacherScorer
{
    private readonly StreakBonusRule _login;
    private readonly OnceEverRule _profile;
    private readonly PerOccurrenceRule _mobileOp;
    private readonly DistinctPerItemRule _spread;
    private readonly StagedApprovalRule _review;
    private readonly PerOccurrenceRule _teaching;
    private readonly ThresholdPerItemRule _guidance;
    private readonly DailyDistinctTiersRule _interaction;
    private readonly PerAppDailyRule _app;

    public TeacherScorer(RulePack pack)
    {
        Pack = pack;
        Calendar = ZoneCalendar.ForZone(pack.TimeZone);
        Validator = new EventValidator(pack);
        var rules = pack.Rules;
        _login = new StreakBonusRule(rules.Login);
        _profile = new OnceEverRule(rules.Profile);
        _mobileOp = new PerOccurrenceRule(RuleIds.IndexOf(RuleIds.MobileOp), rules.MobileOp);
        _spread = new DistinctPerItemRule(rules.ResourceSpread);
        _review = new StagedApprovalRule(rules.ResourceReview);
        _teaching = new PerOccurrenceRule(RuleIds.IndexOf(RuleIds.Teaching), rules.Teaching);
        _guidance = new ThresholdPerItemRule(rules.Guidance);
        _interaction = new DailyDistinctTiersRule(rules.Interaction);
        _app = new PerAppDailyRule(rules.App);
    }

    public RulePack Pack { get; }
    public ZoneCalendar Calendar { get; }
    public EventValidator Validator { get; }

    /// <summary>
    /// Scores <paramref name="e"/>, accepted at <paramref name="acceptedAt"/> (the journal keeps that
    /// instant, so a replay decides the grace window exactly as the first time).
    /// </summary>
    public ScoreOutcome Apply(TeacherState state, ActivityEvent e, DateTimeOffset acceptedAt)
    {
        var (reason, detail) = Validator.Validate(e, acceptedAt);
        if (reason != RejectionReason.None)
        {
            return ScoreOutcome.Rejected(reason, detail);
        }
        if (!string.Equals(e.TeacherId, state.TeacherId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"event {e.EventId} belongs to another teacher", nameof(e));
        }

        AdvanceHorizon(state, acceptedAt);
        var dayKey = Calendar.DayOf(e.OccurredAt);
        if (dayKey < state.HorizonDay)
        {
            return ScoreOutcome.Rejected(RejectionReason.OutOfWindow, "occurred_at falls on a day that has closed");
        }
        if (IsMeasuredOnly(e.Body))
        {
            // Accepted like any event, but no rule decides it and no period changes: the rubrics measure it.
            return ScoreOutcome.Measured(e.EventId, DateOnly.FromDayNumber(dayKey));
        }

        var day = state.Days.GetOrAdd(dayKey);
        var (ruleIndex, decision) = Decide(state, day, e.Body, e.Client == ClientKind.Mobile);
        if (decision.Points != 0)
        {
            var mobilePoints = decision.MobilePoints ?? (e.Client == ClientKind.Mobile ? decision.Points : 0);
            Credit(state, day, ruleIndex, decision.Points, mobilePoints);
        }
        return ScoreOutcome.Decided(new LedgerEntry(
            e.EventId, RuleIds.All[ruleIndex], decision.Points, DateOnly.FromDayNumber(dayKey), decision.Note));
    }

    /// <summary>
    /// Drops what no event accepted at or after <paramref name="now"/> can reach. Ingest does this as
    /// it goes; an idle teacher's host calls it so that quiet states shrink too.
    /// </summary>
    public void Compact(TeacherState state, DateTimeOffset now) => AdvanceHorizon(state, now);

    /// <summary>The kinds that earn no activity points under the rule pack; they carry what the evaluation rubrics measure.</summary>
    private static bool IsMeasuredOnly(ActivityBody body) =>
        body is ResourcePublished or HomeworkMarked or SpaceFollowed or SpaceFollowing or SpaceVisited or ReviewReceived;

    private (int RuleIndex, RuleDecision Decision) Decide(TeacherState state, PeriodBucket day, ActivityBody body, bool mobile) => body switch
    {
        Login => (StreakBonusRule.Index, _login.Decide(state, day)),
        ProfileUpdated update => (OnceEverRule.Index, _profile.Decide(state, update)),
        MobileOperation => (_mobileOp.Index, _mobileOp.Decide(day)),
        ResourceSpread spread => (DistinctPerItemRule.Index, _spread.Decide(state, day, spread)),
        ResourceReviewed review => (StagedApprovalRule.Index, _review.Decide(state, review, mobile)),
        ResourceDeleted deletion => (StagedApprovalRule.Index, StagedApprovalRule.Decide(state, deletion)),
        TeachingSession session => (_teaching.Index, _teaching.DecideDistinct(state, day, session.SessionId)),
        TaskPublished task => (ThresholdPerItemRule.Index, _guidance.DecidePublished(state, day, task.TaskId)),
        TaskEngagement engagement => (ThresholdPerItemRule.Index,
            _guidance.DecideEngagement(state, day, engagement.TaskId, engagement.StudentId)),
        Interaction interaction => (DailyDistinctTiersRule.Index, _interaction.Decide(day, interaction.CounterpartId)),
        AppUsage usage => (PerAppDailyRule.Index, _app.Decide(day, usage.AppId)),
        _ => throw new ArgumentException($"no rule scores {body.GetType().Name}", nameof(body)),
    };

    private static void Credit(TeacherState state, PeriodBucket day, int ruleIndex, int points, int mobilePoints)
    {
        day.Totals.Add(ruleIndex, points, mobilePoints);
        state.Months.GetOrAdd(ZoneCalendar.MonthKey(day.Key)).Totals.Add(ruleIndex, points, mobilePoints);
        state.Years.GetOrAdd(ZoneCalendar.YearOf(day.Key)).Totals.Add(ruleIndex, points, mobilePoints);
        state.Lifetime.Add(ruleIndex, points, mobilePoints);
    }

    /// <summary>The first day an event accepted at <paramref name="now"/> may still count in (the grace window).</summary>
    public int HorizonAt(DateTimeOffset now) => Calendar.DayOf(now - Pack.GraceLate);

    private void AdvanceHorizon(TeacherState state, DateTimeOffset now)
    {
        var horizon = HorizonAt(now);
        if (horizon <= state.HorizonDay)
        {
            return;
        }
        state.HorizonDay = horizon;
        var historyStart = horizon - Pack.DayHistoryDays;
        state.Days.CloseBefore(horizon);
        state.Days.ForgetBefore(historyStart);
        state.Months.CloseBefore(ZoneCalendar.MonthKey(horizon));
        state.Months.ForgetBefore((ZoneCalendar.YearOf(horizon) - 1) * 12);
        state.Years.CloseBefore(ZoneCalendar.YearOf(horizon));
        state.Logins.ForgetBefore(historyStart);
        ForgetStaleTasks(state, horizon - Pack.TaskRetentionDays);
    }

    private static void ForgetStaleTasks(TeacherState state, int firstKeptDay)
    {
        if (state.Tasks is not { Count: > 0 } tasks)
        {
            return;
        }
        // Only undecided tasks live here; decided ones are remembered for good in DecidedTasks, since
        // forgetting them would let a later publication and 10 more students pay again (SPEC §4).
        foreach (var (id, task) in tasks)
        {
            if (task.LastActivityDay < firstKeptDay)
            {
                tasks.Remove(id);
            }
        }
    }
}
