using Orleans;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>A group's figures for one period: total points, mean per counted teacher, active spaces and their share.</summary>
[GenerateSerializer, Alias("zl.PeriodFigures")]
public readonly record struct PeriodFigures(long Total, double Mean, int Active, double ActiveRatio);
