namespace ZhijiangLive.Storage;

/// <summary>What a journal record carries: the payload's meaning is the host's, the store only keeps it.</summary>
public enum JournalKind : short
{
    /// <summary>One accepted activity event; the record has its event id and occurred time.</summary>
    Event = 1,

    /// <summary>One roster upsert, replayed in its place among the events so that locks and moves land where they did.</summary>
    Roster = 2,
}
