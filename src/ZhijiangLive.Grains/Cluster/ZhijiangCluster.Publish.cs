using ZhijiangLive.Grains.Teachers;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Cluster;

public sealed partial class ZhijiangCluster
{
    /// <summary>
    /// Scores a batch of events accepted at <paramref name="acceptedAt"/> (now by default). Events that
    /// fail validation or name an unknown or locked teacher are refused here, before any grain sees them;
    /// the rest go to their teacher grains, one call per teacher, and the result lists every refusal.
    /// With a <paramref name="firstPosition"/>, event i has journal position firstPosition + i: a teacher
    /// restored from a snapshot that already includes a position passes over its event (a replay).
    /// Every grain call is sent before this returns; a caller that needs one batch scored before the next
    /// (the journal's order) awaits it first.
    /// </summary>
    public Task<PublishResult> PublishAsync(IReadOnlyList<ActivityEvent> events, DateTimeOffset? acceptedAt = null, long firstPosition = 0)
    {
        var at = acceptedAt ?? Services.Time.GetUtcNow();
        return ScoreAsync(events.Count, i => new AcceptedEvent(events[i], at, firstPosition == 0 ? 0 : firstPosition + i), precheck: true);
    }

    /// <summary>
    /// As <see cref="PublishAsync"/>, for events that already passed <see cref="Precheck"/> when they were
    /// accepted, with the roster as it stood: the checks are not run a second time. The events may come from
    /// several ingest groups (each with its own instant and positions): a teacher's go in one call, in order.
    /// </summary>
    public Task<PublishResult> PublishCheckedAsync(IReadOnlyList<AcceptedEvent> events) =>
        ScoreAsync(events.Count, i => events[i], precheck: false);

    private Task<PublishResult> ScoreAsync(int count, Func<int, AcceptedEvent> eventAt, bool precheck)
    {
        var outcomes = new ScoreOutcome[count];
        var shares = new TeacherShares(count);
        var events = new ActivityEvent[count];
        for (var i = 0; i < count; i++)
        {
            var accepted = eventAt(i);
            events[i] = accepted.Event;
            var (reason, detail) = precheck ? Precheck(accepted.Event, accepted.AcceptedAt) : (RejectionReason.None, "");
            if (reason != RejectionReason.None)
            {
                outcomes[i] = ScoreOutcome.Rejected(reason, detail);
                continue;
            }
            shares.Add(accepted.Event.TeacherId, i);
        }
        // Every teacher's call is sent before the first await, one call per teacher for all its events.
        var calls = new TeacherCall[shares.Count];
        for (var s = 0; s < calls.Length; s++)
        {
            var teacherId = shares.TeacherOf(s);
            var share = new TeacherEvent[shares.SizeOf(s)];
            var j = 0;
            foreach (var index in shares.IndicesOf(s))
            {
                var (activity, acceptedAt, position) = eventAt(index);
                share[j++] = new TeacherEvent(activity, position, acceptedAt);
            }
            var teacherEvents = new TeacherEvents(share, PreviousAndRemember(teacherId, share));
            calls[s] = new TeacherCall(teacherId, teacherEvents, references.Teacher(teacherId).PublishAsync(teacherEvents));
        }
        return _inFlight.Track(CollectAsync(events, outcomes, shares, calls));
    }

    private readonly record struct TeacherCall(string TeacherId, TeacherEvents Events, Task<TeacherOutcomes> Call);

    private async Task<PublishResult> CollectAsync(IReadOnlyList<ActivityEvent> events, ScoreOutcome[] outcomes, TeacherShares shares, TeacherCall[] calls)
    {
        for (var s = 0; s < calls.Length; s++)
        {
            var (teacherId, teacherEvents, call) = calls[s];
            TeacherOutcomes answer;
            try
            {
                answer = await call.ConfigureAwait(false);
            }
            catch (Exception) when (Journal is not null)
            {
                answer = await CallTeacherAsync(teacherId, teacherEvents, call).ConfigureAwait(false);
            }
            if (answer.Behind)
            {
                answer = await CallTeacherAsync(teacherId, teacherEvents, Task.FromResult(answer)).ConfigureAwait(false);
            }
            var decided = answer.Outcomes;
            var j = 0;
            foreach (var index in shares.IndicesOf(s))
            {
                outcomes[index] = decided[j++];
            }
        }
        return Summarise(events, outcomes);
    }

    /// <summary>The checks that need no teacher state: the event itself, the window, the roster.</summary>
    public (RejectionReason Reason, string Detail) Precheck(ActivityEvent activity, DateTimeOffset acceptedAt)
    {
        var (reason, detail) = Services.Scorer.Validator.Validate(activity, acceptedAt);
        if (reason != RejectionReason.None)
        {
            return (reason, detail);
        }
        return Roster.Teacher(activity.TeacherId) switch
        {
            null => (RejectionReason.UnknownTeacher, $"teacher '{activity.TeacherId}' is not on the roster"),
            { Locked: true } => (RejectionReason.TeacherLocked, $"teacher '{activity.TeacherId}' is locked"),
            _ => (RejectionReason.None, ""),
        };
    }

    private static PublishResult Summarise(IReadOnlyList<ActivityEvent> events, ScoreOutcome[] outcomes)
    {
        var rejections = new List<EventRejection>();
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i].IsRejected)
            {
                rejections.Add(new EventRejection(i, events[i].EventId ?? "", outcomes[i].Rejection, outcomes[i].Detail ?? ""));
            }
        }
        return new PublishResult(outcomes.Length - rejections.Count, rejections, outcomes);
    }
}
