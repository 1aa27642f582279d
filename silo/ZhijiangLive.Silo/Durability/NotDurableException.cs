namespace ZhijiangLive.Silo.Durability;

/// <summary>
/// A call's work could not be journaled. <see cref="InDoubt"/> says whether the append was started: then
/// the journal will still take it (the writer tries again until it is durable), so its event ids stay claimed
/// and a retry is answered as a duplicate once they are. Otherwise nothing was written and the ids are free.
/// </summary>
public sealed class NotDurableException(string message, bool inDoubt, Exception? cause = null) : Exception(message, cause)
{
    public bool InDoubt { get; } = inDoubt;
}
