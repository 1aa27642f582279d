using Orleans;
using ZhijiangLive.Scoring;

namespace ZhijiangLive.Grains.Teachers;

/// <summary>
/// A teacher's ledger for one day: every decision on the day's events, in the order they were accepted.
/// <see cref="Kept"/> is false for a day before the kept window; its entries are gone, so the empty list
/// means "not kept", not "no activity". <see cref="Complete"/> is false when the per-teacher cap dropped
/// some of the day's entries (the oldest go first), so the points listed may not add up to the day's score.
/// </summary>
[GenerateSerializer, Alias("zl.LedgerDay")]
public sealed record LedgerDay(DateOnly Date, bool Kept, bool Complete, IReadOnlyList<LedgerEntry> Entries);
