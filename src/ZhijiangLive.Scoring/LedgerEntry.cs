namespace ZhijiangLive.Scoring;

/// <summary>
/// One scoring decision: which rule looked at the event, the points it awarded (zero or negative
/// included) on which day, and, when points were refused, why.
/// </summary>
public readonly record struct LedgerEntry(string EventId, string Rule, int Points, DateOnly Day, string? Note);
