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
/// An entry costs 12 bytes plus its event id in UTF-8, both in arrays shared by all the teacher's entries:
/// no object and no string per entry, since 600,000 teachers live in one process.
/// </remarks>
public sealed class RecentLedger
{
    private const int MinSlots = 4;
    private const int MinIdBytes = 32;
    private const int LastBit = 63;

    private Slot[]? _slots;
    private byte[]? _ids;
    private int _count;
    private int _idBytes;
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
        var idLength = Encoding.UTF8.GetByteCount(entry.EventId);
        Reserve(idLength, capacity);
        Encoding.UTF8.GetBytes(entry.EventId, _ids.AsSpan(_idBytes));
        _slots![_count++] = new Slot(
            day, entry.Points, (byte)RuleIds.IndexOf(entry.Rule), notes.IndexOf(entry.Note), checked((ushort)idLength));
        _idBytes += idLength;
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
        var offset = 0;
        for (var i = 0; i < _count; i++)
        {
            var slot = _slots![i];
            if (slot.Day == day)
            {
                var eventId = Encoding.UTF8.GetString(_ids!, offset, slot.IdLength);
                entries.Add(new LedgerEntry(eventId, RuleIds.All[slot.Rule], slot.Points, date, notes.NoteAt(slot.Note)));
            }
            offset += slot.IdLength;
        }
        return new LedgerDay(date, Kept: true, Complete: (_cappedDays & Bit(day)) == 0, entries);
    }

    private void DropOldest()
    {
        var oldest = _slots![0];
        _cappedDays |= Bit(oldest.Day);
        _count--;
        _idBytes -= oldest.IdLength;
        Array.Copy(_slots, 1, _slots, 0, _count);
        Array.Copy(_ids!, oldest.IdLength, _ids!, 0, _idBytes);
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

        var kept = 0;
        var read = 0;
        var written = 0;
        for (var i = 0; i < _count; i++)
        {
            var slot = _slots![i];
            if (slot.Day >= firstKeptDay)
            {
                _slots[kept++] = slot;
                Array.Copy(_ids!, read, _ids!, written, slot.IdLength);
                written += slot.IdLength;
            }
            read += slot.IdLength;
        }
        _count = kept;
        _idBytes = written;
        Shrink();
    }

    private void Reserve(int idLength, int capacity)
    {
        if (_slots is null || _count == _slots.Length)
        {
            Array.Resize(ref _slots, Math.Min(capacity, Math.Max(MinSlots, _count * 2)));
        }
        if (_ids is null || _idBytes + idLength > _ids.Length)
        {
            Array.Resize(ref _ids, Math.Max(MinIdBytes, Math.Max(_idBytes + idLength, _idBytes * 2)));
        }
    }

    // A teacher busy last week and quiet now should not keep last week's arrays.
    private void Shrink()
    {
        if (_count == 0)
        {
            (_slots, _ids) = (null, null);
            return;
        }
        if (_slots!.Length > MinSlots && _count <= _slots.Length / 4)
        {
            Array.Resize(ref _slots, Math.Max(MinSlots, _count * 2));
        }
        if (_ids!.Length > MinIdBytes && _idBytes <= _ids.Length / 4)
        {
            Array.Resize(ref _ids, Math.Max(MinIdBytes, _idBytes * 2));
        }
    }

    private ulong Bit(int day) => 1UL << Math.Min(day - _firstKeptDay, LastBit);

    private readonly record struct Slot(int Day, int Points, byte Rule, byte Note, ushort IdLength);
}
