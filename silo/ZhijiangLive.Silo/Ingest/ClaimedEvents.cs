namespace ZhijiangLive.Silo.Ingest;

/// <summary>
/// What became of one call's claimed events, for the copies of them that other calls (or the same call)
/// carry while they are on their way: a copy of a refused event is refused the same way, a copy of a stored
/// one is a duplicate. The fate is set once the call's events are journaled and scored.
/// </summary>
internal sealed class ClaimedEvents
{
    private readonly TaskCompletionSource<EventRefusal?[]> _fate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Per claimed event (in claim order), its refusal, or null when it was stored.</summary>
    public Task<EventRefusal?[]> Fate => _fate.Task;

    public void Decide(EventRefusal?[] refusals) => _fate.TrySetResult(refusals);

    public void Fail(Exception error) => _fate.TrySetException(error);
}

/// <summary>Why an event was refused, in the words its reply gave.</summary>
internal sealed record EventRefusal(string Reason, string Detail);

/// <summary>Whether an event's id is new, repeats a stored event, or repeats one still on its way (<see cref="Original"/>).</summary>
internal readonly record struct EventClaim(EventClaimKind Kind, ClaimedEvents? Original = null, int OriginalIndex = -1)
{
    public static readonly EventClaim New = new(EventClaimKind.New);
    public static readonly EventClaim Stored = new(EventClaimKind.Stored);
}

internal enum EventClaimKind
{
    New,
    Stored,
    Pending,
}
