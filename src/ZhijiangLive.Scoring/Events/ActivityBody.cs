namespace ZhijiangLive.Scoring.Events;

/// <summary>What happened; one sealed record per kind of activity in SPEC §4.</summary>
public abstract record ActivityBody;

public sealed record Login : ActivityBody
{
    public static readonly Login Instance = new();
}

public sealed record ProfileUpdated(bool HasAvatar, bool HasContact, bool HasSchoolOrClass, bool HasSubject) : ActivityBody
{
    public bool IsComplete => HasAvatar && HasContact && HasSchoolOrClass && HasSubject;
}

public sealed record MobileOperation(string Kind) : ActivityBody;

public sealed record ResourceSpread(string ResourceId, string UserId, string Action) : ActivityBody;

public sealed record ResourceReviewed(string ResourceId, ReviewLevel Level) : ActivityBody;

public sealed record ResourceDeleted(string ResourceId) : ActivityBody;

public sealed record TeachingSession(string SessionId, int DurationSeconds) : ActivityBody;

public sealed record TaskPublished(string TaskId, string Kind) : ActivityBody;

public sealed record TaskEngagement(string TaskId, string StudentId, bool Completed) : ActivityBody;

public sealed record Interaction(string CounterpartId, string Kind) : ActivityBody;

public sealed record AppUsage(string AppId) : ActivityBody;

// The kinds below earn no activity points under zjer-2018; they carry the facts the evaluation rubrics
// (SPEC §8) measure and the events did not carry before.

/// <summary>The teacher put a resource in its space; <paramref name="Kind"/> is e.g. <c>micro_course</c>, <c>courseware</c>.</summary>
public sealed record ResourcePublished(string ResourceId, string Kind, bool Original) : ActivityBody;

/// <summary>The teacher marked a student's homework for a task (批改作业).</summary>
public sealed record HomeworkMarked(string TaskId, string StudentId) : ActivityBody;

/// <summary>A user followed the teacher's space, or stopped following it.</summary>
public sealed record SpaceFollowed(string UserId, bool Unfollowed) : ActivityBody;

/// <summary>The teacher followed another space, or stopped following it.</summary>
public sealed record SpaceFollowing(string SpaceId, bool Unfollowed) : ActivityBody;

/// <summary>A logged-in user visited the teacher's space.</summary>
public sealed record SpaceVisited(string VisitorId) : ActivityBody;

/// <summary>A user's review or like of the teacher's space, a resource or a result; only positive ones count.</summary>
public sealed record ReviewReceived(string ReviewerId, string Subject, bool Positive) : ActivityBody;
