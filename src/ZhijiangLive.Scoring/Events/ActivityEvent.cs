namespace ZhijiangLive.Scoring.Events;

/// <summary>One teacher activity as the platform reports it.</summary>
/// <param name="EventId">The platform's id; the same id is the same event.</param>
/// <param name="TeacherId">The acting teacher, who owns resources, tasks and sessions named in the body.</param>
/// <param name="OccurredAt">When it happened; decides the day, month and year it counts in.</param>
public sealed record ActivityEvent(
    string EventId,
    string TeacherId,
    DateTimeOffset OccurredAt,
    ClientKind Client,
    ActivityBody Body);
