using ZhijiangLive.Scoring.Events;
using V1 = ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Silo.Mapping;

/// <summary>
/// The contract's <c>ActivityEvent</c> as the scoring engine's. Absent parts map to what the engine's
/// validator refuses as MISSING_FIELD (no body, no timestamp); only a timestamp no instant can hold fails here.
/// </summary>
internal static class EventMapping
{
    public static ActivityEvent ToDomain(V1.ActivityEvent e, out string? invalid)
    {
        invalid = null;
        var occurredAt = default(DateTimeOffset);
        if (e.OccurredAt is { } timestamp)
        {
            if (timestamp.Nanos is < 0 or > 999_999_999 || timestamp.Seconds is < -62_135_596_800 or > 253_402_300_799)
            {
                invalid = "occurred_at is not a valid timestamp";
            }
            else
            {
                occurredAt = timestamp.ToDateTimeOffset();
            }
        }
        return new ActivityEvent(e.EventId, e.TeacherId, occurredAt, (ClientKind)e.Client, BodyOf(e)!);
    }

    private static ActivityBody? BodyOf(V1.ActivityEvent e) => e.BodyCase switch
    {
        V1.ActivityEvent.BodyOneofCase.Login => Login.Instance,
        V1.ActivityEvent.BodyOneofCase.ProfileUpdated => new ProfileUpdated(
            e.ProfileUpdated.HasAvatar, e.ProfileUpdated.HasContact, e.ProfileUpdated.HasSchoolOrClass, e.ProfileUpdated.HasSubject),
        V1.ActivityEvent.BodyOneofCase.MobileOperation => new MobileOperation(e.MobileOperation.Kind),
        V1.ActivityEvent.BodyOneofCase.ResourceSpread => new ResourceSpread(
            e.ResourceSpread.ResourceId, e.ResourceSpread.UserId, e.ResourceSpread.Action),
        V1.ActivityEvent.BodyOneofCase.ResourceReviewed => new ResourceReviewed(
            e.ResourceReviewed.ResourceId, (ReviewLevel)e.ResourceReviewed.Level),
        V1.ActivityEvent.BodyOneofCase.ResourceDeleted => new ResourceDeleted(e.ResourceDeleted.ResourceId),
        V1.ActivityEvent.BodyOneofCase.TeachingSession => new TeachingSession(
            e.TeachingSession.SessionId, e.TeachingSession.DurationSeconds),
        V1.ActivityEvent.BodyOneofCase.TaskPublished => new TaskPublished(e.TaskPublished.TaskId, e.TaskPublished.Kind),
        V1.ActivityEvent.BodyOneofCase.TaskEngagement => new TaskEngagement(
            e.TaskEngagement.TaskId, e.TaskEngagement.StudentId, e.TaskEngagement.Completed),
        V1.ActivityEvent.BodyOneofCase.Interaction => new Interaction(e.Interaction.CounterpartId, e.Interaction.Kind),
        V1.ActivityEvent.BodyOneofCase.AppUsage => new AppUsage(e.AppUsage.AppId),
        V1.ActivityEvent.BodyOneofCase.ResourcePublished => new ResourcePublished(
            e.ResourcePublished.ResourceId, e.ResourcePublished.Kind, e.ResourcePublished.Original),
        V1.ActivityEvent.BodyOneofCase.HomeworkMarked => new HomeworkMarked(e.HomeworkMarked.TaskId, e.HomeworkMarked.StudentId),
        V1.ActivityEvent.BodyOneofCase.SpaceFollowed => new SpaceFollowed(e.SpaceFollowed.UserId, e.SpaceFollowed.Unfollowed),
        V1.ActivityEvent.BodyOneofCase.SpaceFollowing => new SpaceFollowing(e.SpaceFollowing.SpaceId, e.SpaceFollowing.Unfollowed),
        V1.ActivityEvent.BodyOneofCase.SpaceVisited => new SpaceVisited(e.SpaceVisited.VisitorId),
        V1.ActivityEvent.BodyOneofCase.ReviewReceived => new ReviewReceived(
            e.ReviewReceived.ReviewerId, e.ReviewReceived.Subject, e.ReviewReceived.Positive),
        _ => null,
    };
}
