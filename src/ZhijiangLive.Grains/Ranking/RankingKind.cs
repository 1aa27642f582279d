using Orleans;

namespace ZhijiangLive.Grains.Ranking;

/// <summary>What a ranking lists: teachers (by score), schools or child regions (by mean score).</summary>
[GenerateSerializer, Alias("zl.RankingKind")]
public enum RankingKind
{
    Teachers = 0,
    Schools = 1,
    Regions = 2,
}
