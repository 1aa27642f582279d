namespace ZhijiangLive.Scoring.Rubrics.Measures;

/// <summary>A measure with its parameter, as a rubric part names it: <c>micro_courses</c> with spread ≥ 100.</summary>
public readonly record struct MeasureRef(string Id, int? Threshold = null, string? Kind = null)
{
    public override string ToString() => Id + (Threshold is { } t ? $"({t})" : "") + (Kind is { } k ? $"[{k}]" : "");
}
