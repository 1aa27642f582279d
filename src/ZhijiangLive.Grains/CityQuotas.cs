namespace ZhijiangLive.Grains;

/// <summary>How many teacher spaces, digital micro-schools (数字微校) and club spaces (社团空间) a city may put forward.</summary>
public sealed record CityQuota(int TeacherSpaces, int DigitalSchools, int ClubSpaces);

/// <summary>The default quotas of seed 000 (SPEC §6), grouped by city.</summary>
public static class CityQuotas
{
    public static readonly CityQuota Large = new(80, 20, 10);
    public static readonly CityQuota Medium = new(70, 16, 8);
    public static readonly CityQuota Small = new(20, 8, 4);

    private static readonly string[] _largeCities = ["杭州", "宁波", "温州"];
    private static readonly string[] _smallCities = ["舟山"];

    /// <summary>杭州/宁波/温州 large, 舟山 small, every other city medium.</summary>
    public static CityQuota ForCityName(string name)
    {
        if (_largeCities.Any(name.StartsWith)) return Large;
        if (_smallCities.Any(name.StartsWith)) return Small;
        return Medium;
    }
}
