namespace ZhijiangLive.Scoring.Events;

/// <summary>The level at which a submitted resource was approved (县级, 市级, 省级).</summary>
public enum ReviewLevel
{
    Unspecified = 0,
    County = 1,
    City = 2,
    Province = 3,
}
