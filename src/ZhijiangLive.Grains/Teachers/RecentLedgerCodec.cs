using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.State.Serialization;

namespace ZhijiangLive.Grains.Teachers;

/// <summary>
/// A <see cref="RecentLedger"/> in a teacher snapshot: its window, its capped days and its entries in
/// acceptance order. A note is written as text where it first appears and by its number in the snapshot
/// after that: <see cref="LedgerNotes"/> numbers notes in the order one process met them, and the snapshot
/// may be read by another.
/// </summary>
internal static class RecentLedgerCodec
{
    public static void Write(BinaryWriter w, RecentLedger ledger, LedgerNotes notes)
    {
        var firstKeptDay = ledger.FirstKeptDay;
        w.WriteSigned(firstKeptDay);
        w.Write7BitEncodedInt64((long)ledger.CappedDays);
        w.WriteCount(ledger.Count);
        var written = new List<string>();
        foreach (var entry in ledger.Entries(notes))
        {
            w.WriteSigned(entry.Day.DayNumber - firstKeptDay);
            w.WriteSigned(entry.Points);
            w.Write((byte)RuleIds.IndexOf(entry.Rule));
            WriteNote(w, entry.Note, written);
            w.Write(entry.EventId);
        }
    }

    public static RecentLedger Read(BinaryReader r, LedgerNotes notes)
    {
        var firstKeptDay = r.ReadSigned();
        var cappedDays = (ulong)r.Read7BitEncodedInt64();
        var count = r.ReadCount();
        var entries = new List<LedgerEntry>(count);
        var read = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var day = firstKeptDay + r.ReadSigned();
            var points = r.ReadSigned();
            var rule = r.ReadByte();
            var note = ReadNote(r, read);
            var eventId = r.ReadString();
            if (day < Math.Max(firstKeptDay, 0) || day > DateOnly.MaxValue.DayNumber || rule >= RuleIds.Count)
            {
                throw new InvalidDataException($"ledger entry {i} has day {day} and rule {rule}");
            }
            entries.Add(new LedgerEntry(eventId, RuleIds.All[rule], points, DateOnly.FromDayNumber(day), note));
        }
        return RecentLedger.Restore(firstKeptDay, cappedDays, entries, notes);
    }

    // 0 is no note, n a note already written (the nth), and one past the last is a new note, which follows as text.
    private static void WriteNote(BinaryWriter w, string? note, List<string> written)
    {
        if (note is null)
        {
            w.WriteCount(0);
            return;
        }
        var index = written.IndexOf(note);
        if (index >= 0)
        {
            w.WriteCount(index + 1);
            return;
        }
        written.Add(note);
        w.WriteCount(written.Count);
        w.Write(note);
    }

    private static string? ReadNote(BinaryReader r, List<string> read)
    {
        var code = r.Read7BitEncodedInt();
        if (code == 0)
        {
            return null;
        }
        if (code == read.Count + 1)
        {
            read.Add(r.ReadString());
        }
        else if (code < 0 || code > read.Count)
        {
            throw new InvalidDataException($"ledger note {code} comes before it was written");
        }
        return read[code - 1];
    }
}
