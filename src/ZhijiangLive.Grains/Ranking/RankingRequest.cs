using Orleans;
using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Ranking;

/// <summary>
/// A page of a ranking: from <see cref="Offset"/>, or, when <see cref="AroundId"/> is given, the member
/// and its neighbours (about half of <see cref="Limit"/> on each side).
/// </summary>
[GenerateSerializer, Alias("zl.RankingRequest")]
public sealed record RankingRequest(
    string ScopeId,
    RankingKind Kind,
    Period Period,
    DateOnly? Date = null,
    int Offset = 0,
    int Limit = 10,
    string? AroundId = null)
{
    public const int MaxLimit = 1000;

    /// <summary>A reason the request cannot be answered, or null.</summary>
    public string? Problem() => this switch
    {
        { Limit: < 1 or > MaxLimit } => $"limit must be between 1 and {MaxLimit}",
        { Offset: < 0 } => "offset must not be negative",
        { ScopeId.Length: 0 } => "scope id is required",
        _ => null,
    };
}
