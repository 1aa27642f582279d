using ZhijiangLive.Scoring.Rubrics.Measures;

namespace ZhijiangLive.Scoring.Rubrics.Sheets;

/// <summary>The points of one part that needs no other candidate (everything but <see cref="RubricPart.ByRank"/>).</summary>
internal static class PartScoring
{
    public static SheetPart Score(string itemId, RubricPart part, decimal max, CandidateFigures figures)
    {
        var measured = part.MeasureRef is { } own ? figures.ValueOf(own) : (long?)null;
        var entered = figures.Expert.TryGetValue(itemId, out var entry);
        if (FirstUnmet(part.Requires, figures) is { } unmet)
        {
            // An entry made before the requirement is met waits for it, as 200条以下不给分 says.
            return new SheetPart(part.Measure, measured, 0, max, part.Expert, entered, unmet);
        }
        if (part.Expert)
        {
            return new SheetPart(null, null, entered ? Math.Clamp(entry, 0, max) : 0, max, Expert: true, entered, Next: null);
        }
        var value = measured!.Value;
        if (part.Every is { } every)
        {
            var points = Math.Min(max, value / every * part.Points);
            if (value > 0 && part.Least is { } least)
            {
                points = Math.Max(points, Math.Min(max, least));
            }
            var more = points >= max ? (long?)null : value == 0 && part.Least is not null ? 1 : every - value % every;
            return new SheetPart(part.Measure, value, points, max, false, false, Next(part.Measure!, more));
        }
        if (part.Steps is { } steps)
        {
            var reached = steps.Where(s => value >= s.AtLeast && FirstUnmet(s.Also, figures) is null).Select(s => s.Points).DefaultIfEmpty(0).Max();
            var points = Math.Min(max, reached);
            var next = points >= max ? null : steps.Where(s => s.Points > points).OrderBy(s => s.Points).Select(s =>
                s.AtLeast > value ? new MissingToNext(part.Measure!, s.AtLeast - value) : FirstUnmet(s.Also, figures)).FirstOrDefault(n => n is not null);
            return new SheetPart(part.Measure, value, points, max, false, false, next);
        }
        throw new InvalidOperationException("a part ranked among candidates is scored by the ranking");
    }

    public static MissingToNext? FirstUnmet(IReadOnlyList<MeasureCondition> conditions, CandidateFigures figures)
    {
        foreach (var condition in conditions)
        {
            var value = figures.ValueOf(condition.MeasureRef);
            if (value < condition.AtLeast)
            {
                return new MissingToNext(condition.Measure, condition.AtLeast - value);
            }
        }
        return null;
    }

    private static MissingToNext? Next(string measure, long? more) => more is { } m ? new MissingToNext(measure, m) : null;
}
