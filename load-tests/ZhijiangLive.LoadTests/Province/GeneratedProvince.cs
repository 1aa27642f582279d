namespace ZhijiangLive.LoadTests.Province;

/// <summary>A school of the generated province: its teachers are the contiguous range from <see cref="FirstTeacher"/>.</summary>
public sealed record GeneratedSchool(string Id, string Name, string CountyId, int FirstTeacher, int Teachers);

/// <summary>
/// A generated Zhejiang: the real regions, schools spread over the counties by their city's population, each with
/// a teacher count drawn from a skewed distribution (many village schools of a dozen, some city schools of
/// two hundred). Deterministic for a seed. Teachers are known by index (<see cref="TeacherId"/>), so a full
/// province costs a few megabytes; one marker school with one marker teacher times the dashboard's pushes.
/// </summary>
public sealed class GeneratedProvince
{
    public const string MarkerTeacherId = "lt-marker";
    public const string MarkerSchoolId = "lt-marker-school";

    private GeneratedProvince(IReadOnlyList<RegionRow> regions, IReadOnlyList<GeneratedSchool> schools, int teachers)
    {
        Regions = regions;
        Schools = schools;
        Teachers = teachers;
        SchoolOfTeacher = new int[teachers];
        foreach (var (school, index) in schools.Select((s, i) => (s, i)))
        {
            Array.Fill(SchoolOfTeacher, index, school.FirstTeacher, school.Teachers);
        }
    }

    public IReadOnlyList<RegionRow> Regions { get; }
    public IReadOnlyList<GeneratedSchool> Schools { get; }
    public int Teachers { get; }
    public int[] SchoolOfTeacher { get; }
    public string ProvinceId => Regions.First(r => r.Level == "province").Id;

    /// <summary>The county the marker school is in: the first county of the provincial capital.</summary>
    public string MarkerCountyId => Regions.First(r => r.Level == "county").Id;

    public static string TeacherId(int index) => $"lt-t-{index:D7}";

    public static GeneratedProvince Generate(double scale, int seed)
    {
        var regions = RegionTree.Read();
        var random = new Random(seed);
        var targetSchools = Math.Max(1, (int)Math.Round(12_000 * scale));
        var targetTeachers = Math.Max(targetSchools, (int)Math.Round(600_000 * scale));
        var counties = CountyPlaces(regions, targetSchools, random);
        var sizes = counties.Select(_ => SchoolSize(random)).ToArray();
        var factor = targetTeachers / sizes.Sum();
        var schools = new List<GeneratedSchool>(counties.Count);
        var next = 0;
        for (var i = 0; i < counties.Count; i++)
        {
            var teachers = i == counties.Count - 1 ? Math.Max(1, targetTeachers - next) : Math.Max(1, (int)Math.Round(sizes[i] * factor));
            var county = counties[i];
            schools.Add(new GeneratedSchool($"lt-s-{i:D5}", $"{county.Name}{SchoolNames.Name(i, teachers)}", county.Id, next, teachers));
            next += teachers;
        }
        return new GeneratedProvince(regions, schools, next);
    }

    /// <summary>The county of each school: a city's share follows its population, its counties share it evenly.</summary>
    private static List<RegionRow> CountyPlaces(IReadOnlyList<RegionRow> regions, int schools, Random random)
    {
        var cities = regions.Where(r => r.Level == "city").ToList();
        var population = cities.Sum(c => c.Population10k);
        var places = new List<RegionRow>(schools);
        foreach (var city in cities)
        {
            var counties = regions.Where(r => r.ParentId == city.Id).ToList();
            var share = city == cities[^1] ? schools - places.Count : (int)Math.Round(schools * city.Population10k / population);
            for (var n = 0; n < share; n++)
            {
                places.Add(counties[n < counties.Count ? n : random.Next(counties.Count)]);
            }
        }
        return places;
    }

    /// <summary>A log-normal draw around 50 teachers: the median school is smaller than the mean one.</summary>
    private static double SchoolSize(Random random)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Clamp(Math.Exp(3.7 + 0.7 * normal), 6, 400);
    }
}
