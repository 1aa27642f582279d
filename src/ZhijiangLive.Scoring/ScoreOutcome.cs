namespace ZhijiangLive.Scoring;

/// <summary>
/// The result of offering one event to a teacher: refused outright, decided in a ledger entry, or accepted
/// as a fact that no rule decides (<see cref="MeasuresOnly"/>: the evaluation rubrics measure it).
/// </summary>
public readonly record struct ScoreOutcome(RejectionReason Rejection, string? Detail, LedgerEntry Entry, bool MeasuresOnly = false)
{
    public bool IsRejected => Rejection != RejectionReason.None;

    public static ScoreOutcome Rejected(RejectionReason reason, string detail) => new(reason, detail, default);

    public static ScoreOutcome Decided(LedgerEntry entry) => new(RejectionReason.None, null, entry);

    /// <summary>
    /// An accepted event that earns no activity points and is decided by no rule. Its entry names the event
    /// and its day with 0 points and no rule id (an empty <see cref="LedgerEntry.Rule"/>), so it is never a
    /// ledger entry: a teacher's ledger explains points, and the ledger keeps rule ids only.
    /// </summary>
    public static ScoreOutcome Measured(string eventId, DateOnly day) =>
        new(RejectionReason.None, null, new LedgerEntry(eventId, "", 0, day, null), MeasuresOnly: true);
}
