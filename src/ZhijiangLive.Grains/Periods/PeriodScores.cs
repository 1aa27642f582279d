using Orleans;

namespace ZhijiangLive.Grains.Periods;

/// <summary>A teacher's score in each current period.</summary>
[GenerateSerializer, Alias("zl.PeriodScores")]
public readonly record struct PeriodScores(int Day, int Month, int Year)
{
    public int this[Period period] => period switch
    {
        Period.Day => Day,
        Period.Month => Month,
        Period.Year => Year,
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };
}
