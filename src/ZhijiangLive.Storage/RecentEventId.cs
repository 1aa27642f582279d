namespace ZhijiangLive.Storage;

/// <summary>An accepted event's id and when it occurred: what the duplicates window needs after a restart.</summary>
public readonly record struct RecentEventId(string EventId, DateTimeOffset OccurredAt);
