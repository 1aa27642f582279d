using Orleans;
using ZhijiangLive.Scoring.Time;

namespace ZhijiangLive.Grains.Periods;

/// <summary>
/// Which day, month and year a figure belongs to, as <see cref="ZoneCalendar"/> keys. Every score that
/// travels between grains carries its keys, so a figure from before midnight never lands in the new day.
/// </summary>
[GenerateSerializer, Alias("zl.PeriodKeys")]
public readonly record struct PeriodKeys(int Day, int Month, int Year)
{
    public static PeriodKeys Of(int day) => new(day, ZoneCalendar.MonthKey(day), ZoneCalendar.YearOf(day));

    public static PeriodKeys Of(DateOnly date) => Of(date.DayNumber);

    public int this[Period period] => period switch
    {
        Period.Day => Day,
        Period.Month => Month,
        Period.Year => Year,
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };

    public DateOnly Date => DateOnly.FromDayNumber(Day);

    public bool IsAfter(PeriodKeys other) => Day > other.Day;
}
