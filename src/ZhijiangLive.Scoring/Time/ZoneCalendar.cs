namespace ZhijiangLive.Scoring.Time;

/// <summary>
/// Calendar days, months and years in the service's zone (SPEC §3). Days are <see cref="DateOnly.DayNumber"/>
/// values, months are <c>year * 12 + month - 1</c>, so all three are plain ints that sort in time order.
/// </summary>
public sealed class ZoneCalendar
{
    private sealed record DayWindow(long StartUtcTicks, long EndUtcTicks, int Day);

    // Nearly every look-up falls on one of a handful of recent days (today, late events of the last
    // three days, and the grace horizon three days back), so the UTC bounds of recent days answer them
    // without a zone conversion. A window is cached in the slot of the UTC day it was looked up in, so
    // up to eight consecutive days stay cached together (one window can sit in two slots). Each slot is
    // swapped whole, so concurrent readers see a consistent window.
    private const int SlotMask = 7;
    private readonly DayWindow[] _windows = new DayWindow[SlotMask + 1];

    public ZoneCalendar(TimeZoneInfo zone)
    {
        Zone = zone;
        Array.Fill(_windows, WindowOf(DateOnly.FromDateTime(DateTime.UnixEpoch)));
    }

    public TimeZoneInfo Zone { get; }

    public static ZoneCalendar ForZone(string zoneId) =>
        ZoneCalendarFactory.TryFind(zoneId, out var zone)
            ? new ZoneCalendar(zone)
            : throw new ArgumentException($"unknown time zone '{zoneId}'", nameof(zoneId));

    public int DayOf(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        var slot = (int)((ulong)ticks / TimeSpan.TicksPerDay) & SlotMask;
        var window = _windows[slot];
        if (ticks >= window.StartUtcTicks && ticks < window.EndUtcTicks)
        {
            return window.Day;
        }
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        _windows[slot] = WindowOf(date);
        return date.DayNumber;
    }

    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDayNumber(DayOf(instant));

    /// <summary>The instant local midnight begins <paramref name="date"/>.</summary>
    public DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A zone that skips midnight (a DST jump) starts the day at the first valid local time.
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }

    public static int MonthKey(int day)
    {
        var date = DateOnly.FromDayNumber(day);
        return date.Year * 12 + date.Month - 1;
    }

    public static int YearOf(int day) => DateOnly.FromDayNumber(day).Year;

    public static DateOnly FirstDayOfMonth(int monthKey) => new(monthKey / 12, monthKey % 12 + 1, 1);

    private DayWindow WindowOf(DateOnly date) =>
        new(StartOf(date).UtcTicks, StartOf(date.AddDays(1)).UtcTicks, date.DayNumber);
}
