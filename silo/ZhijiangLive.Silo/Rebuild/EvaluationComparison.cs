using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Scoring.Rubrics.Sheets;

namespace ZhijiangLive.Silo.Rebuild;

/// <summary>
/// What a rebuild changed in the annual evaluations: every candidate's sheet of every rubric and year that
/// has candidates, ranked among its rubric year's candidates, before and after.
/// </summary>
internal sealed class EvaluationComparison
{
    private readonly List<string> _rubricYears = [];
    private readonly List<SheetDifference> _differences = [];

    public int Candidates { get; private set; }
    public IReadOnlyList<SheetDifference> Differences => _differences;

    public static async Task<EvaluationComparison> CompareAsync(ZhijiangCluster before, ZhijiangCluster after)
    {
        var comparison = new EvaluationComparison();
        var rubricYears = before.Roster.Candidates.All.Concat(after.Roster.Candidates.All)
            .Select(c => (c.Registration.RubricId, c.Registration.Year)).Distinct()
            .OrderBy(k => k.RubricId, StringComparer.Ordinal).ThenBy(k => k.Year);
        foreach (var (rubricId, year) in rubricYears)
        {
            var old = (await before.StandingsAsync(rubricId, year))?.Sheets ?? [];
            var now = (await after.StandingsAsync(rubricId, year))?.Sheets ?? [];
            comparison.Add(rubricId, year, old, now);
        }
        return comparison;
    }

    private void Add(string rubricId, int year, IReadOnlyList<RubricSheet> before, IReadOnlyList<RubricSheet> after)
    {
        _rubricYears.Add($"{rubricId} {year}");
        // In the rebuilt ranking's order, so that the first differences shown are the best placed.
        foreach (var teacherId in after.Concat(before).Select(s => s.TeacherId).Distinct(StringComparer.Ordinal))
        {
            Candidates++;
            var difference = SheetDifference.Between(rubricId, year, teacherId,
                before.FirstOrDefault(s => s.TeacherId == teacherId), after.FirstOrDefault(s => s.TeacherId == teacherId));
            if (difference.Changes.Count > 0)
            {
                _differences.Add(difference);
            }
        }
    }

    public void Print(TextWriter output, Func<string, string?> nameOf, int shown = 10)
    {
        if (_rubricYears.Count == 0)
        {
            output.WriteLine("Evaluation sheets: no rubric has candidates");
            return;
        }
        output.WriteLine($"Evaluation sheets compared for {string.Join(", ", _rubricYears)}: " +
            $"{Candidates:N0} candidates, {_differences.Count:N0} sheets differ");
        if (_differences.Count == 0)
        {
            return;
        }
        output.WriteLine($"Sheet differences (first {Math.Min(shown, _differences.Count)} of {_differences.Count:N0}):");
        foreach (var difference in _differences.Take(shown))
        {
            var name = nameOf(difference.TeacherId) is { } known ? $" {known}" : "";
            output.WriteLine($"  {difference.RubricId} {difference.Year} {difference.TeacherId}{name}: {string.Join(", ", difference.Changes)}");
        }
    }
}
