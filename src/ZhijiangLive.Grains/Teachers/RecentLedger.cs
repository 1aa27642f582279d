using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using ZhijiangLive.Scoring;

namespace ZhijiangLive.Grains.Teachers;

/// <summary>
/// The ledger entries of a teacher's recent days, in acceptance order, so that a bureau can ask why a day
/// scored what it did. Only days an event can still reach are kept: the caller passes the first of them,
/// from the rule pack's grace window, and older days are dropped as new ones arrive. Past the per-teacher
/// cap the oldest entry goes first.
/// <para>
/// A read for a day before the kept window answers <see cref="LedgerDay.Kept"/> = false with no entries
/// ("not kept"); a kept day without events answers <see cref="LedgerDay.Kept"/> = true with none ("no
/// activity"). <see cref="LedgerDay.Complete"/> = false says the cap dropped some of that day's entries.
/// </para>
/// </summary>
/// <remarks>
/// 600,000 teachers live in one process, so the entries are records in one byte array: a 12-byte header
/// (day, points, rule and note indexes, id length) and the event id in UTF-8; no object or string per entry.
/// </remarks>
public sealed class RecentLedger
{
    private const int MinBytes = 64;
    private const int LastBit = 63;
    private static readonly int HeaderSize = Unsafe.SizeOf<Header>();

    private byte[]? _records;
    private int _length;
    private int _count;
    private int _firstKeptDay;

    // Bit i: the cap dropped an entry of day _firstKeptDay + i. The last bit also stands for every later
    // day, which only a grace window of two months or more could reach.
    private ulong _cappedDays;

    public int Count => _count;

    public void Add(LedgerEntry entry, int firstKeptDay, int capacity, LedgerNotes notes)
    {
        if (firstKeptDay > _firstKeptDay)
        {
            DropDaysBefore(firstKeptDay);
        }
        var day = entry.Day.DayNumber;
        if (capacity <= 0 || day < _firstKeptDay)
        {
            return;
        }
        while (_count >= capacity)
        {
            DropOldest();
        }
        Append(entry, notes);
    }

    /// <summary>The entries of <paramref name="date"/>, when no day before <paramref name="firstKeptDay"/> is kept any longer.</summary>
    public LedgerDay Read(DateOnly date, int firstKeptDay, LedgerNotes notes)
    {
        var day = date.DayNumber;
        if (day < Math.Max(firstKeptDay, _firstKeptDay))
        {
            return new LedgerDay(date, Kept: false, Complete: false, []);
        }
        var entries = new List<LedgerEntry>();
        for (var offset = 0; offset < _length;)
        {
            var header = HeaderAt(offset);
            if (header.Day == day)
            {
                var eventId = Encoding.UTF8.GetString(_records!, offset + HeaderSize, header.IdLength);
                entries.Add(new LedgerEntry(eventId, RuleIds.All[header.Rule], header.Points, date, notes.NoteAt(header.Note)));
            }
            offset += HeaderSize + header.IdLength;
        }
        return new LedgerDay(date, Kept: true, Complete: (_cappedDays & Bit(day)) == 0, entries);
    }

    /// <summary>The first day kept, as a snapshot records it.</summary>
    internal int FirstKeptDay => _firstKeptDay;

    /// <summary>Which kept days the cap dropped entries of, as a snapshot records it.</summary>
    internal ulong CappedDays => _cappedDays;

    /// <summary>Every kept entry in acceptance order, with its note as text: note numbers differ between processes.</summary>
    internal IEnumerable<LedgerEntry> Entries(LedgerNotes notes)
    {
        for (var offset = 0; offset < _length;)
        {
            var header = HeaderAt(offset);
            var eventId = Encoding.UTF8.GetString(_records!, offset + HeaderSize, header.IdLength);
            yield return new LedgerEntry(eventId, RuleIds.All[header.Rule], header.Points, DateOnly.FromDayNumber(header.Day), notes.NoteAt(header.Note));
            offset += HeaderSize + header.IdLength;
        }
    }

    /// <summary>A ledger as a snapshot recorded it: its window and capped days as they were, every entry kept.</summary>
    internal static RecentLedger Restore(int firstKeptDay, ulong cappedDays, IEnumerable<LedgerEntry> entries, LedgerNotes notes)
    {
        var ledger = new RecentLedger { _firstKeptDay = firstKeptDay, _cappedDays = cappedDays };
        foreach (var entry in entries)
        {
            ledger.Append(entry, notes);
        }
        return ledger;
    }

    private void Append(LedgerEntry entry, LedgerNotes notes)
    {
        var idLength = Encoding.UTF8.GetByteCount(entry.EventId);
        var header = new Header(entry.Day.DayNumber, entry.Points, (byte)RuleIds.IndexOf(entry.Rule), notes.IndexOf(entry.Note), checked((ushort)idLength));
        Reserve(HeaderSize + idLength);
        var span = _records.AsSpan(_length);
        MemoryMarshal.Write(span, in header);
        Encoding.UTF8.GetBytes(entry.EventId, span[HeaderSize..]);
        _length += HeaderSize + idLength;
        _count++;
    }

    private void DropOldest()
    {
        var oldest = HeaderAt(0);
        var size = HeaderSize + oldest.IdLength;
        _cappedDays |= Bit(oldest.Day);
        _length -= size;
        _count--;
        Array.Copy(_records!, size, _records!, 0, _length);
    }

    private void DropDaysBefore(int firstKeptDay)
    {
        var shift = firstKeptDay - _firstKeptDay;
        var lastDayCapped = (_cappedDays >> LastBit) != 0;
        _cappedDays = shift > LastBit ? 0 : _cappedDays >> shift;
        if (lastDayCapped)
        {
            _cappedDays |= ulong.MaxValue << Math.Max(LastBit - shift, 0);
        }
        _firstKeptDay = firstKeptDay;

        var written = 0;
        for (var offset = 0; offset < _length;)
        {
            var header = HeaderAt(offset);
            var size = HeaderSize + header.IdLength;
            if (header.Day >= firstKeptDay)
            {
                Array.Copy(_records!, offset, _records!, written, size);
                written += size;
            }
            else
            {
                _count--;
            }
            offset += size;
        }
        _length = written;
        Shrink();
    }

    private void Reserve(int size)
    {
        if (_records is null || _length + size > _records.Length)
        {
            var grown = Math.Max(MinBytes, _length + (_length >> 1));
            Array.Resize(ref _records, Math.Max(grown, _length + size));
        }
    }

    // A teacher busy last week and quiet now should not keep last week's array.
    private void Shrink()
    {
        if (_count == 0)
        {
            _records = null;
        }
        else if (_records!.Length > MinBytes && _length <= _records.Length / 2)
        {
            Array.Resize(ref _records, Math.Max(MinBytes, _length + (_length >> 2)));
        }
    }

    private Header HeaderAt(int offset) => MemoryMarshal.Read<Header>(_records.AsSpan(offset));

    private ulong Bit(int day) => 1UL << Math.Min(day - _firstKeptDay, LastBit);

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    private readonly record struct Header(int Day, int Points, byte Rule, byte Note, ushort IdLength);
}
