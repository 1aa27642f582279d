using System.Globalization;
using System.Reflection;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Roster;

namespace ZhijiangLive.Silo.Demo;

/// <summary>
/// A generated Zhejiang: the real 11 cities and 90 county-level divisions (data/zhejiang-regions.csv), schools
/// spread over counties by their city's population, teachers spread evenly over schools. Deterministic for a seed.
/// </summary>
public static class DemoProvince
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] Given = ["丽", "伟", "芳", "敏", "静", "磊", "洋", "婷", "杰", "娟", "涛", "明", "霞", "勇", "燕", "军"];
    private static readonly string[] Subjects = ["语文", "数学", "英语", "物理", "化学", "生物", "历史", "地理", "音乐", "美术", "体育", "信息技术"];
    private static readonly string[] Kinds = ["小学", "中学", "实验学校", "初级中学", "高级中学"];

    public static RosterBatch Generate(double scale, int seed)
    {
        var regions = ReadRegions(out var populationByCity);
        var counties = regions.Where(r => r.Level == RegionLevel.County).ToList();
        var weights = counties
            .Select(c => populationByCity[c.ParentId!] / counties.Count(other => other.ParentId == c.ParentId))
            .ToArray();
        var random = new Random(seed);
        var schoolCount = Math.Max(counties.Count, (int)(12_000 * scale));
        var teacherCount = Math.Max(schoolCount, (int)(600_000 * scale));
        var schools = new List<SchoolEntry>(schoolCount);
        for (var i = 0; i < schoolCount; i++)
        {
            // Every county gets a school first, so that no region of the picker is empty.
            var county = i < counties.Count ? counties[i] : counties[Pick(weights, random)];
            schools.Add(new SchoolEntry($"S{i:D5}", $"{county.Name}第{i / counties.Count + 1}{Kinds[i % Kinds.Length]}", county.Id));
        }
        var teachers = new List<TeacherEntry>(teacherCount);
        for (var i = 0; i < teacherCount; i++)
        {
            var name = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)] + (random.Next(2) == 0 ? Given[random.Next(Given.Length)] : "");
            teachers.Add(new TeacherEntry($"T{i:D6}", name, schools[i % schoolCount].Id, Subjects[random.Next(Subjects.Length)], Locked: false));
        }
        return new RosterBatch(regions, schools, teachers);
    }

    private static int Pick(double[] weights, Random random)
    {
        var target = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target <= 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    /// <summary>The real tree (data/zhejiang-regions.csv, shipped in this assembly) and each city's population in 10,000s.</summary>
    public static List<RegionEntry> ReadRegions(out Dictionary<string, double> populationByCity)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("zhejiang-regions.csv")!;
        using var reader = new StreamReader(stream);
        var regions = new List<RegionEntry>();
        populationByCity = [];
        reader.ReadLine(); // code,name,level,parent,population_10k
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            var level = f[2] switch { "province" => RegionLevel.Province, "city" => RegionLevel.City, _ => RegionLevel.County };
            regions.Add(new RegionEntry(f[0], f[1], level, f[3].Length == 0 ? null : f[3]));
            if (level == RegionLevel.City)
            {
                populationByCity[f[0]] = double.Parse(f[4], CultureInfo.InvariantCulture);
            }
        }
        return regions;
    }
}
