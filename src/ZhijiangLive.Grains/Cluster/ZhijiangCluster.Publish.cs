using ZhijiangLive.Grains.Teachers;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Cluster;

public sealed partial class ZhijiangCluster
{
    /// <summary>
    /// Scores a batch of events accepted at <paramref name="acceptedAt"/> (now by default). Events that
    /// fail validation or name an unknown or locked teacher are refused here, before any grain sees them;
    /// the rest go to their teacher grains, one delivery per partition, and the result lists every refusal.
    /// With a <paramref name="firstPosition"/>, event i has journal position firstPosition + i: a teacher
    /// restored from a snapshot that already includes a position passes over its event (a replay).
    /// The hand-off to the grains happens before the first await, so calls reach them in call order.
    /// </summary>
    public Task<PublishResult> PublishAsync(IReadOnlyList<ActivityEvent> events, DateTimeOffset? acceptedAt = null, long firstPosition = 0) =>
        ScoreAsync(events, acceptedAt ?? Services.Time.GetUtcNow(), firstPosition, precheck: true);

    /// <summary>
    /// As <see cref="PublishAsync"/>, for events that already passed <see cref="Precheck"/> at
    /// <paramref name="acceptedAt"/> with the roster as it stands: the checks are not run a second time.
    /// </summary>
    public Task<PublishResult> PublishCheckedAsync(IReadOnlyList<ActivityEvent> events, DateTimeOffset acceptedAt, long firstPosition = 0) =>
        ScoreAsync(events, acceptedAt, firstPosition, precheck: false);

    private async Task<PublishResult> ScoreAsync(IReadOnlyList<ActivityEvent> events, DateTimeOffset at, long firstPosition, bool precheck)
    {
        var batch = new PublishBatch(events.Count);
        var toScore = new List<PendingEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var (reason, detail) = precheck ? Precheck(events[i], at) : (RejectionReason.None, "");
            if (reason == RejectionReason.None)
            {
                toScore.Add(new PendingEvent(i, events[i], at, firstPosition == 0 ? 0 : firstPosition + i, batch));
            }
            else
            {
                batch.Outcomes[i] = ScoreOutcome.Rejected(reason, detail);
            }
        }
        batch.Expect(toScore.Count);
        Runtime.TellMany<StandInTeacherGrain, PendingEvent>(
            StandInTeacherGrain.Kind, toScore, static p => p.Event.TeacherId, static (teacher, p) => p.Batch.Decide(teacher, p));
        batch.Release();
        await batch.Completion.ConfigureAwait(false);
        return Summarise(events, batch.Outcomes);
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
