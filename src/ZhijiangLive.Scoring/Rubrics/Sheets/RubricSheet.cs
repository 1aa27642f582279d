namespace ZhijiangLive.Scoring.Rubrics.Sheets;

/// <summary>One candidate's standing in a rubric: every item, the total, the rank among all candidates and any award tier.</summary>
public sealed record RubricSheet(string RubricId, string TeacherId, decimal Total, int Rank, string? Tier, IReadOnlyList<SheetItem> Items);

/// <param name="Measured">The first measured part's value; null for an item experts score.</param>
/// <param name="Next">What the item needs for its next points; null at its cap or when only experts can add.</param>
public sealed record SheetItem(string Id, string Group, string Name, decimal Cap, decimal Points, long? Measured,
    IReadOnlyList<SheetPart> Parts, MissingToNext? Next);

/// <param name="Entered">For an expert part: whether a bureau has entered its points.</param>
public sealed record SheetPart(string? Measure, long? Measured, decimal Points, decimal Max, bool Expert, bool Entered, MissingToNext? Next);

/// <summary><see cref="More"/> of <see cref="Measure"/> earns the next points.</summary>
public sealed record MissingToNext(string Measure, long More);
