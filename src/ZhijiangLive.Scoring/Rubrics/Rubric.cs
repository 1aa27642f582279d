using ZhijiangLive.Scoring.Rubrics.Measures;

namespace ZhijiangLive.Scoring.Rubrics;

/// <summary>
/// An annual evaluation (SPEC §8) as data: items with their caps, each scored by parts that read a measure
/// or take an expert's entry. Loaded from JSON by <see cref="RubricLoader"/>, checked by <see cref="RubricValidator"/>.
/// </summary>
public sealed record Rubric
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>Which seed document and part it reads.</summary>
    public required string Seed { get; init; }
    /// <summary>The sum of the items' caps, as the seed states it.</summary>
    public required decimal Total { get; init; }
    public required IReadOnlyList<RubricItem> Items { get; init; }
    /// <summary>Award tiers by share of candidates, best first; none when the rubric awards none.</summary>
    public IReadOnlyList<AwardTier> Tiers { get; init; } = [];

    public RubricItem? Item(string itemId) => Items.FirstOrDefault(i => i.Id == itemId);
}

/// <summary>One line of a rubric sheet: the sum of its parts' points, never more than <see cref="Cap"/>.</summary>
public sealed record RubricItem
{
    public required string Id { get; init; }
    public string Group { get; init; } = "";
    public required string Name { get; init; }
    /// <summary>The seed's own wording of how the item is scored.</summary>
    public string Seed { get; init; } = "";
    public required decimal Cap { get; init; }
    /// <summary>What the item's measures count over; absent when every part is entered by experts.</summary>
    public MeasureWindow? Window { get; init; }
    public required IReadOnlyList<RubricPart> Parts { get; init; }

    public bool IsExpertOnly => Parts.All(p => p.Expert);
}

/// <summary>
/// One way an item earns points; exactly one of: <see cref="Every"/> (points per so many of the measure),
/// <see cref="Steps"/> (the best step reached), <see cref="ByRank"/> (by rank among the candidates) or
/// <see cref="Expert"/> (entered by a bureau). A part pays nothing until its <see cref="Requires"/> are met.
/// </summary>
public sealed record RubricPart
{
    public string? Measure { get; init; }
    /// <summary>The measure's parameter: a spread count, minutes or students, as the measure defines it.</summary>
    public int? Threshold { get; init; }
    /// <summary>Counts only interactions of this kind (the <c>interactions</c> measure).</summary>
    public string? Kind { get; init; }

    public long? Every { get; init; }
    public decimal Points { get; init; }
    /// <summary>With <see cref="Every"/>: the points of any non-zero measure below one <see cref="Every"/>.</summary>
    public decimal? Least { get; init; }

    public IReadOnlyList<RubricStep>? Steps { get; init; }
    public RankScoring? ByRank { get; init; }
    public bool Expert { get; init; }

    /// <summary>The most this part pays; the item's cap when absent.</summary>
    public decimal? Max { get; init; }
    public IReadOnlyList<MeasureCondition> Requires { get; init; } = [];

    public MeasureRef? MeasureRef => Measure is null ? null : new MeasureRef(Measure, Threshold, Kind);
}

/// <summary>Reached when the part's measure is at least <see cref="AtLeast"/> and every condition in <see cref="Also"/> holds.</summary>
public sealed record RubricStep
{
    public required long AtLeast { get; init; }
    public required decimal Points { get; init; }
    public IReadOnlyList<MeasureCondition> Also { get; init; } = [];
}

public sealed record MeasureCondition
{
    public required string Measure { get; init; }
    public int? Threshold { get; init; }
    public string? Kind { get; init; }
    public required long AtLeast { get; init; }

    public MeasureRef MeasureRef => new(Measure, Threshold, Kind);
}

/// <summary>
/// The candidates, ranked by the measure (ties share a rank), fall into <see cref="Bands"/> equal bands:
/// the first band earns the part's whole maximum, each next one a band's share less.
/// </summary>
public sealed record RankScoring
{
    public required int Bands { get; init; }
}

/// <summary>An award for the best <see cref="Share"/> of the candidates after the tiers before it.</summary>
public sealed record AwardTier
{
    public required string Name { get; init; }
    public required decimal Share { get; init; }
}
