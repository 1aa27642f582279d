namespace ZhijiangLive.Grains.Teachers;

/// <summary>
/// The notes of kept ledger entries, numbered, so that an entry holds a byte instead of a reference.
/// The rules build each note once from the rule pack, so a cluster meets a few dozen at most; 0 means
/// no note. Shared by every teacher grain of a cluster, on every partition.
/// </summary>
public sealed class LedgerNotes
{
    private readonly Lock _gate = new();
    private string?[] _notes = [null];

    public byte IndexOf(string? note)
    {
        if (note is null)
        {
            return 0;
        }
        return Find(Volatile.Read(ref _notes), note) is { } index ? index : Add(note);
    }

    public string? NoteAt(byte index) => Volatile.Read(ref _notes)[index];

    private byte Add(string note)
    {
        lock (_gate)
        {
            if (Find(_notes, note) is { } index)
            {
                return index;
            }
            if (_notes.Length > byte.MaxValue)
            {
                throw new InvalidOperationException($"more than {byte.MaxValue} distinct ledger notes; notes must not carry event data");
            }
            // Copied, not grown in place: readers on other partitions use the array they read without a lock.
            Volatile.Write(ref _notes, [.. _notes, note]);
            return (byte)(_notes.Length - 1);
        }
    }

    private static byte? Find(string?[] notes, string note)
    {
        for (var i = 1; i < notes.Length; i++)
        {
            if (string.Equals(notes[i], note, StringComparison.Ordinal))
            {
                return (byte)i;
            }
        }
        return null;
    }
}
