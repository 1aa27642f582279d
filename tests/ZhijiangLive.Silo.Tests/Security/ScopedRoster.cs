using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Roster;
using RosterBatch = ZhijiangLive.Grains.Cluster.RosterBatch;

namespace ZhijiangLive.Silo.Tests.Security;

/// <summary>
/// Two cities, and two counties side by side in one of them, each with a school and teachers: what a
/// county's, a city's and the province's tokens may and may not see.
/// </summary>
internal static class ScopedRoster
{
    public const string County = "330106";      // 西湖区, S1: T1 王老师, T2 李老师
    public const string Neighbour = "330108";   // 滨江区, S2: T3 赵老师
    public const string City = "330100";        // 杭州市, over both
    public const string OtherCity = "330200";   // 宁波市 > 海曙区 330203, S3: T4 孙老师

    public static Task SeedAsync(ZhijiangCluster cluster) => cluster.UpsertRosterAsync(new RosterBatch(
        [
            new RegionEntry("330000", "浙江省", RegionLevel.Province, null),
            new RegionEntry(City, "杭州市", RegionLevel.City, "330000"),
            new RegionEntry(County, "西湖区", RegionLevel.County, City),
            new RegionEntry(Neighbour, "滨江区", RegionLevel.County, City),
            new RegionEntry(OtherCity, "宁波市", RegionLevel.City, "330000"),
            new RegionEntry("330203", "海曙区", RegionLevel.County, OtherCity),
        ],
        [new SchoolEntry("S1", "学军中学", County), new SchoolEntry("S2", "滨江实验学校", Neighbour), new SchoolEntry("S3", "海曙中学", "330203")],
        [
            new TeacherEntry("T1", "王老师", "S1", "数学", false),
            new TeacherEntry("T2", "李老师", "S1", "语文", false),
            new TeacherEntry("T3", "赵老师", "S2", "英语", false),
            new TeacherEntry("T4", "孙老师", "S3", "物理", false),
        ]));

    public static readonly string[] TeacherNames = ["王老师", "李老师", "赵老师", "孙老师"];
}
