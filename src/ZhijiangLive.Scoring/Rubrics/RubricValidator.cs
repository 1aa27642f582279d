using ZhijiangLive.Scoring.Rubrics.Measures;

namespace ZhijiangLive.Scoring.Rubrics;

/// <summary>Every reason a rubric cannot be used, each with the path of what is wrong.</summary>
public static class RubricValidator
{
    public static void ThrowIfInvalid(Rubric rubric)
    {
        var errors = Check(rubric);
        if (errors.Count > 0)
        {
            throw new InvalidDataException($"rubric '{rubric.Id}' is not valid: {string.Join("; ", errors)}");
        }
    }

    public static IReadOnlyList<string> Check(Rubric rubric)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(rubric.Id)) errors.Add("id is required");
        if (rubric.Items.Count == 0) errors.Add("items: a rubric needs at least one");
        foreach (var duplicate in rubric.Items.GroupBy(i => i.Id).Where(g => g.Count() > 1))
        {
            errors.Add($"items: id '{duplicate.Key}' appears {duplicate.Count()} times");
        }
        var caps = rubric.Items.Sum(i => i.Cap);
        if (caps != rubric.Total) errors.Add($"total: {rubric.Total} is not the sum of the items' caps, {caps}");
        for (var i = 0; i < rubric.Items.Count; i++)
        {
            CheckItem(rubric.Items[i], $"items[{i}] ({rubric.Items[i].Id})", errors);
        }
        if (rubric.Tiers.Any(t => t.Share <= 0)) errors.Add("tiers: every share must be above 0");
        if (rubric.Tiers.Sum(t => t.Share) > 1) errors.Add("tiers: the shares add up to more than all candidates");
        return errors;
    }

    private static void CheckItem(RubricItem item, string path, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(item.Id)) errors.Add($"{path}.id is required");
        if (item.Cap <= 0) errors.Add($"{path}.cap must be above 0");
        if (item.Parts.Count == 0) errors.Add($"{path}.parts: an item needs at least one");
        if (item.Parts.Count(p => p.Expert) > 1) errors.Add($"{path}.parts: at most one part is entered by experts");
        var measures = item.Parts.SelectMany(MeasuresOf).ToList();
        if (measures.Count > 0 && item.Window is null) errors.Add($"{path}.window is required for an item that measures");
        if (measures.Count == 0 && item.Window is not null) errors.Add($"{path}.window: an item only experts score counts over no window");
        for (var p = 0; p < item.Parts.Count; p++)
        {
            CheckPart(item, item.Parts[p], $"{path}.parts[{p}]", errors);
        }
        foreach (var measure in measures.Distinct())
        {
            if (!MeasureIds.All.TryGetValue(measure.Id, out var definition))
            {
                errors.Add($"{path}: no measure '{measure.Id}' (known: {string.Join(", ", MeasureIds.All.Keys)})");
                continue;
            }
            if (item.Window is { } window && definition.Window != window)
            {
                errors.Add($"{path}: measure '{measure.Id}' counts over {Name(definition.Window)}, not {Name(window)}");
            }
            if (measure.Threshold is not null && definition.Threshold is null) errors.Add($"{path}: measure '{measure.Id}' takes no threshold");
            if (measure.Threshold is < 0) errors.Add($"{path}: measure '{measure.Id}' threshold must not be negative");
            if (measure.Kind is not null && !definition.TakesKind) errors.Add($"{path}: measure '{measure.Id}' takes no kind");
        }
    }

    private static void CheckPart(RubricItem item, RubricPart part, string path, List<string> errors)
    {
        var ways = (part.Every is not null ? 1 : 0) + (part.Steps is not null ? 1 : 0) + (part.ByRank is not null ? 1 : 0) + (part.Expert ? 1 : 0);
        if (ways != 1) errors.Add($"{path}: give exactly one of every, steps, byRank or expert");
        if (part.Expert && part.Measure is not null) errors.Add($"{path}: a part experts enter measures nothing");
        if (!part.Expert && part.Measure is null) errors.Add($"{path}.measure is required");
        if (part.Every is <= 0) errors.Add($"{path}.every must be above 0");
        if (part.Every is not null && part.Points <= 0) errors.Add($"{path}.points must be above 0");
        if (part.Every is null && part.Points != 0) errors.Add($"{path}.points goes with every");
        if (part.Least is not null && part.Every is null) errors.Add($"{path}.least goes with every");
        if (part.Steps is { Count: 0 }) errors.Add($"{path}.steps: at least one");
        if (part.Steps?.Any(s => s.Points <= 0 || s.AtLeast < 0) == true) errors.Add($"{path}.steps: points above 0 and atLeast not negative");
        if (part.ByRank is { Bands: < 1 }) errors.Add($"{path}.byRank.bands must be at least 1");
        if (part.Max is { } max && (max <= 0 || max > item.Cap)) errors.Add($"{path}.max must be above 0 and at most the item's cap");
        if (part.Requires.Any(c => c.AtLeast < 1)) errors.Add($"{path}.requires: atLeast must be at least 1");
    }

    private static IEnumerable<MeasureRef> MeasuresOf(RubricPart part) =>
        (part.MeasureRef is { } own ? [own] : Array.Empty<MeasureRef>())
            .Concat(part.Requires.Select(c => c.MeasureRef))
            .Concat((part.Steps ?? []).SelectMany(s => s.Also).Select(c => c.MeasureRef));

    private static string Name(MeasureWindow window) => window.ToString().ToLowerInvariant();
}
