using Orleans;

namespace ZhijiangLive.Grains.Periods;

/// <summary>The calendar periods figures and rankings are kept for (SPEC §3).</summary>
[GenerateSerializer, Alias("zl.Period")]
public enum Period
{
    Day = 0,
    Month = 1,
    Year = 2,
}
