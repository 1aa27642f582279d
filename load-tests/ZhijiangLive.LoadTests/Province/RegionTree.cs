using System.Globalization;

namespace ZhijiangLive.LoadTests.Province;

/// <summary>A row of the real province tree: the province, a city (with its population) or a county-level division.</summary>
public sealed record RegionRow(string Id, string Name, string Level, string? ParentId, double Population10k);

/// <summary>Zhejiang's 11 cities and their county-level divisions, read from the repository's <c>data/zhejiang-regions.csv</c> (embedded).</summary>
public static class RegionTree
{
    public static IReadOnlyList<RegionRow> Read()
    {
        using var stream = typeof(RegionTree).Assembly.GetManifestResourceStream("zhejiang-regions.csv")
            ?? throw new InvalidOperationException("zhejiang-regions.csv is not embedded in the load tester");
        using var reader = new StreamReader(stream);
        var rows = new List<RegionRow>();
        _ = reader.ReadLine(); // header: code,name,level,parent,population_10k
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = line.Split(',');
            var population = cells[4].Length == 0 ? 0 : double.Parse(cells[4], CultureInfo.InvariantCulture);
            rows.Add(new RegionRow(cells[0], cells[1], cells[2], cells[3].Length == 0 ? null : cells[3], population));
        }
        return rows;
    }
}
