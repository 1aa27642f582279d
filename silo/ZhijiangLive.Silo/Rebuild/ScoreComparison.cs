using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Scoring;

namespace ZhijiangLive.Silo.Rebuild;

/// <summary>What a rebuild changed: every teacher's day, month and year on one date, before and after.</summary>
internal sealed class ScoreComparison
{
    private readonly List<(string Id, string Name, PeriodScore Before, PeriodScore After)> _years = [];

    public int Teachers { get; private set; }
    public int DayChanged { get; private set; }
    public int MonthChanged { get; private set; }
    public int YearChanged { get; private set; }

    public static async Task<ScoreComparison> CompareAsync(ZhijiangCluster before, ZhijiangCluster after, DateOnly date)
    {
        var comparison = new ScoreComparison();
        foreach (var teacher in after.Roster.Teachers.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            var old = (await before.GetTeacherAsync(teacher.Id, date))?.Scores;
            var now = (await after.GetTeacherAsync(teacher.Id, date))!.Scores;
            comparison.Add(teacher.Id, teacher.Name, old, now);
        }
        return comparison;
    }

    private void Add(string id, string name, TeacherScores? before, TeacherScores after)
    {
        Teachers++;
        DayChanged += Changed(before?.Day, after.Day);
        MonthChanged += Changed(before?.Month, after.Month);
        YearChanged += Changed(before?.Year, after.Year);
        _years.Add((id, name, before?.Year ?? PeriodScore.Nothing, after.Year));
    }

    public void Print(TextWriter output, DateOnly date, int largest = 10)
    {
        output.WriteLine($"Teachers: {Teachers:N0}; scores changed on {date:yyyy-MM-dd} for {DayChanged:N0} (day), {MonthChanged:N0} (month), {YearChanged:N0} (year)");
        var before = _years.Sum(y => (long)y.Before.Points);
        var after = _years.Sum(y => (long)y.After.Points);
        output.WriteLine($"Year points: before {before:N0}, after {after:N0} ({after - before:+#,0;-#,0;0})");
        output.WriteLine("Year points by rule:");
        foreach (var rule in RuleIds.All)
        {
            var b = _years.Sum(y => (long)y.Before.ByRule.GetValueOrDefault(rule));
            var a = _years.Sum(y => (long)y.After.ByRule.GetValueOrDefault(rule));
            output.WriteLine($"  {rule,-16} {b,12:N0} -> {a,12:N0}{(a == b ? "" : $"  ({a - b:+#,0;-#,0})")}");
        }
        var moved = _years.Where(y => y.Before.Points != y.After.Points)
            .OrderByDescending(y => Math.Abs(y.After.Points - y.Before.Points)).ThenBy(y => y.Id, StringComparer.Ordinal).Take(largest).ToList();
        if (moved.Count > 0)
        {
            output.WriteLine($"Largest changes (year):");
            foreach (var (id, name, b, a) in moved)
            {
                output.WriteLine($"  {id} {name}: {b.Points} -> {a.Points} ({a.Points - b.Points:+#,0;-#,0})");
            }
        }
    }

    private static int Changed(PeriodScore? before, PeriodScore after) =>
        before is null || before.Points != after.Points || before.MobilePoints != after.MobilePoints ? 1 : 0;
}
