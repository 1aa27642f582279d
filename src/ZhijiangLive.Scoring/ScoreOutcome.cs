namespace ZhijiangLive.Scoring;

/// <summary>The result of offering one event to a teacher: refused outright, or decided in a ledger entry.</summary>
public readonly record struct ScoreOutcome(RejectionReason Rejection, string? Detail, LedgerEntry Entry)
{
    public bool IsRejected => Rejection != RejectionReason.None;

    public static ScoreOutcome Rejected(RejectionReason reason, string detail) => new(reason, detail, default);

    public static ScoreOutcome Decided(LedgerEntry entry) => new(RejectionReason.None, null, entry);
}
