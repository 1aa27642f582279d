namespace ZhijiangLive.Storage;

/// <summary>
/// One entry of the journal. Positions are given by the single writer, gap-free and increasing; an
/// event's id and occurred time are kept beside its payload so that duplicates can be remembered again
/// after a restart without decoding payloads. A roster record has no event id and occurred when it was accepted.
/// </summary>
public sealed record JournalRecord(
    long Position,
    JournalKind Kind,
    string? EventId,
    DateTimeOffset OccurredAt,
    DateTimeOffset AcceptedAt,
    byte[] Payload);
