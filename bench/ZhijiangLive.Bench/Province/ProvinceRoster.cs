using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Silo.Demo;

namespace ZhijiangLive.Bench.Province;

/// <summary>
/// A generated Zhejiang: the real 11 cities and 90 county-level divisions (data/zhejiang-regions.csv),
/// schools spread over counties by their city's population, teachers spread evenly over schools.
/// Deterministic for a seed.
/// </summary>
internal sealed record ProvinceRoster(
    IReadOnlyList<RegionEntry> Regions,
    IReadOnlyList<SchoolEntry> Schools,
    IReadOnlyList<TeacherEntry> Teachers)
{
    public string ProvinceId => Regions.First(r => r.Level == RegionLevel.Province).Id;

    public static ProvinceRoster Generate(int schools, int teachers, int seed)
    {
        var regions = DemoProvince.ReadRegions(out var populationByCity);
        var counties = regions.Where(r => r.Level == RegionLevel.County).ToList();
        var weights = counties
            .Select(c => populationByCity[c.ParentId!] / (double)counties.Count(other => other.ParentId == c.ParentId))
            .ToArray();
        var random = new Random(seed);
        var schoolEntries = new List<SchoolEntry>(schools);
        var totalWeight = weights.Sum();
        for (var i = 0; i < schools; i++)
        {
            var county = counties[Pick(weights, totalWeight, random)];
            schoolEntries.Add(new SchoolEntry($"S{i:D5}", $"{county.Name}第{i % 97 + 1}学校", county.Id));
        }
        var teacherEntries = new List<TeacherEntry>(teachers);
        for (var i = 0; i < teachers; i++)
        {
            teacherEntries.Add(new TeacherEntry($"T{i:D6}", $"教师{i}", schoolEntries[i % schools].Id, "语文", Locked: false));
        }
        return new ProvinceRoster(regions, schoolEntries, teacherEntries);
    }

    /// <summary>Upserts the roster in slices so that no single batch is huge.</summary>
    public async Task UploadAsync(ZhijiangCluster cluster, int slice = 20_000)
    {
        await cluster.UpsertRosterAsync(new RosterBatch(Regions, Schools, []));
        for (var i = 0; i < Teachers.Count; i += slice)
        {
            var part = Teachers.Skip(i).Take(slice).ToList();
            await cluster.UpsertRosterAsync(new RosterBatch([], [], part));
        }
        await cluster.FlushAsync();
    }

    private static int Pick(double[] weights, double total, Random random)
    {
        var target = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target <= 0) return i;
        }
        return weights.Length - 1;
    }
}
