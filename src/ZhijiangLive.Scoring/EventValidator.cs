using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;

namespace ZhijiangLive.Scoring;

/// <summary>
/// The checks an event must pass before it may be accepted at all: its fields, its app, and the grace
/// window around the moment it is accepted. Needs no teacher state, so ingest can run it before journaling.
/// </summary>
public sealed class EventValidator(RulePack pack)
{
    private readonly HashSet<string> _apps = new(pack.Rules.App.Registry, StringComparer.Ordinal);

    public (RejectionReason Reason, string Detail) Validate(ActivityEvent e, DateTimeOffset acceptedAt)
    {
        if (string.IsNullOrEmpty(e.EventId)) return Missing("event_id");
        if (string.IsNullOrEmpty(e.TeacherId)) return Missing("teacher_id");
        if (e.OccurredAt == default) return Missing("occurred_at");
        if (e.Body is null) return Missing("body");

        if (e.OccurredAt < acceptedAt - pack.GraceLate)
        {
            return (RejectionReason.OutOfWindow, $"occurred_at is more than {Describe(pack.GraceLate)} before acceptance");
        }
        if (e.OccurredAt > acceptedAt + pack.GraceEarly)
        {
            return (RejectionReason.OutOfWindow, $"occurred_at is more than {Describe(pack.GraceEarly)} after acceptance");
        }
        return ValidateBody(e.Body);
    }

    private (RejectionReason, string) ValidateBody(ActivityBody body) => body switch
    {
        ResourceSpread s when string.IsNullOrEmpty(s.ResourceId) => Missing("resource_spread.resource_id"),
        ResourceSpread s when string.IsNullOrEmpty(s.UserId) => Missing("resource_spread.user_id"),
        ResourceReviewed r when string.IsNullOrEmpty(r.ResourceId) => Missing("resource_reviewed.resource_id"),
        ResourceReviewed r when r.Level is < ReviewLevel.County or > ReviewLevel.Province =>
            (RejectionReason.InvalidField, "resource_reviewed.level must be county, city or province"),
        ResourceDeleted d when string.IsNullOrEmpty(d.ResourceId) => Missing("resource_deleted.resource_id"),
        TeachingSession t when string.IsNullOrEmpty(t.SessionId) => Missing("teaching_session.session_id"),
        TeachingSession t when t.DurationSeconds < 0 =>
            (RejectionReason.InvalidField, "teaching_session.duration_seconds is negative"),
        TaskPublished t when string.IsNullOrEmpty(t.TaskId) => Missing("task_published.task_id"),
        TaskEngagement t when string.IsNullOrEmpty(t.TaskId) => Missing("task_engagement.task_id"),
        TaskEngagement t when string.IsNullOrEmpty(t.StudentId) => Missing("task_engagement.student_id"),
        Interaction i when string.IsNullOrEmpty(i.CounterpartId) => Missing("interaction.counterpart_id"),
        AppUsage a when string.IsNullOrEmpty(a.AppId) => Missing("app_usage.app_id"),
        AppUsage a when !_apps.Contains(a.AppId) => (RejectionReason.UnknownApp, $"app '{a.AppId}' is not a registered provincial app"),
        ResourcePublished r when string.IsNullOrEmpty(r.ResourceId) => Missing("resource_published.resource_id"),
        ResourcePublished r when string.IsNullOrEmpty(r.Kind) => Missing("resource_published.kind"),
        HomeworkMarked h when string.IsNullOrEmpty(h.TaskId) => Missing("homework_marked.task_id"),
        HomeworkMarked h when string.IsNullOrEmpty(h.StudentId) => Missing("homework_marked.student_id"),
        SpaceFollowed f when string.IsNullOrEmpty(f.UserId) => Missing("space_followed.user_id"),
        SpaceFollowing f when string.IsNullOrEmpty(f.SpaceId) => Missing("space_following.space_id"),
        SpaceVisited v when string.IsNullOrEmpty(v.VisitorId) => Missing("space_visited.visitor_id"),
        ReviewReceived r when string.IsNullOrEmpty(r.ReviewerId) => Missing("review_received.reviewer_id"),
        _ => (RejectionReason.None, ""),
    };

    private static (RejectionReason, string) Missing(string field) => (RejectionReason.MissingField, $"{field} is required");

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 && span.Minutes == 0 ? $"{span.TotalHours:0} h" : $"{span.TotalMinutes:0} min";
}
