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
