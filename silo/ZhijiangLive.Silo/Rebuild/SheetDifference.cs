using System.Globalization;
using ZhijiangLive.Scoring.Rubrics.Sheets;

namespace ZhijiangLive.Silo.Rebuild;

/// <summary>One field of a candidate's sheet that a rebuild changed: the total, the rank, the tier or an item's points.</summary>
internal sealed record SheetChange(string What, string Before, string After)
{
    public override string ToString() => $"{What} {Before} -> {After}";
}

/// <summary>How one candidate's sheet of a rubric and year differs between the recovered and the rebuilt state.</summary>
internal sealed record SheetDifference(string RubricId, int Year, string TeacherId, IReadOnlyList<SheetChange> Changes)
{
    /// <summary>A sheet missing on one side (a candidate only one state has) reads as "none" in every field.</summary>
    public static SheetDifference Between(string rubricId, int year, string teacherId, RubricSheet? before, RubricSheet? after)
    {
        var changes = new List<SheetChange>();
        void Compare(string what, string? old, string? now)
        {
            if (old != now)
            {
                changes.Add(new SheetChange(what, old ?? "none", now ?? "none"));
            }
        }
        Compare("total", Points(before?.Total), Points(after?.Total));
        Compare("rank", before?.Rank.ToString(CultureInfo.InvariantCulture), after?.Rank.ToString(CultureInfo.InvariantCulture));
        Compare("tier", TierOf(before), TierOf(after));
        var items = (after?.Items ?? []).Concat(before?.Items ?? []).Select(i => i.Id).Distinct(StringComparer.Ordinal);
        foreach (var item in items)
        {
            Compare(item, Points(before?.Items.FirstOrDefault(i => i.Id == item)?.Points), Points(after?.Items.FirstOrDefault(i => i.Id == item)?.Points));
        }
        return new SheetDifference(rubricId, year, teacherId, changes);
    }

    private static string? Points(decimal? points) => points?.ToString("0.##", CultureInfo.InvariantCulture);

    private static string? TierOf(RubricSheet? sheet) => sheet is null ? null : sheet.Tier ?? "-";
}
