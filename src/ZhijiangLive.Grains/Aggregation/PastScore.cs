using Orleans;
using Orleans.Concurrency;
using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>A teacher's score in one period before its current ones.</summary>
[GenerateSerializer, Immutable, Alias("zl.PastScore")]
public readonly record struct PastScore(Period Period, int Key, int Score);
