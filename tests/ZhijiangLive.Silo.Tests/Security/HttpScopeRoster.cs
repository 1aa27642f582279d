using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Tests.Security;

/// <summary>
/// Two cities with a county each and a second county in 杭州市: enough to ask every question of scope. The
/// names are distinctive, so that a body or a log that shows one is caught by a plain search.
/// </summary>
internal static class HttpScopeRoster
{
    public const string Province = "330000";
    public const string Hangzhou = "330100";
    public const string Xihu = "330106";
    public const string Binjiang = "330108";
    public const string Ningbo = "330200";

    public static readonly string[] Names = ["区甲老师", "区乙老师", "区丙老师", "西湖实验中学", "滨江实验中学", "宁波实验中学"];

    public static async Task SeedAsync(ZhijiangCluster cluster)
    {
        await cluster.UpsertRosterAsync(new RosterBatch(
            [
                new RegionEntry(Province, "浙江省", RegionLevel.Province, null),
                new RegionEntry(Hangzhou, "杭州市", RegionLevel.City, Province),
                new RegionEntry(Xihu, "西湖区", RegionLevel.County, Hangzhou),
                new RegionEntry(Binjiang, "滨江区", RegionLevel.County, Hangzhou),
                new RegionEntry(Ningbo, "宁波市", RegionLevel.City, Province),
                new RegionEntry("330203", "海曙区", RegionLevel.County, Ningbo),
            ],
            [new SchoolEntry("S1", Names[3], Xihu), new SchoolEntry("S2", Names[4], Binjiang), new SchoolEntry("S3", Names[5], "330203")],
            [
                new TeacherEntry("T1", Names[0], "S1", "数学", false),
                new TeacherEntry("T2", Names[1], "S2", "语文", false),
                new TeacherEntry("T3", Names[2], "S3", "英语", false),
            ]));
        await cluster.PublishAsync(
        [
            new ActivityEvent("h1", "T1", RunningSilo.Now, ClientKind.Pc, new TeachingSession("s1", 2400)),
            new ActivityEvent("h2", "T2", RunningSilo.Now, ClientKind.Pc, Login.Instance),
            new ActivityEvent("h3", "T3", RunningSilo.Now, ClientKind.Pc, Login.Instance),
        ]);
        await cluster.FlushAsync();
    }

    /// <summary>A token of the test signing key that expired a minute before the silo's stopped clock.</summary>
    public static string ExpiredToken(string regionId) =>
        new BureauTokens([TestCredentials.SigningKey]).Create(regionId, RunningSilo.Now - TimeSpan.FromMinutes(1));

    /// <summary>A well-formed token signed with a key the silo does not know.</summary>
    public static string ForeignToken(string regionId) =>
        new BureauTokens([BureauTokens.NewSigningKey()]).Create(regionId, DateTimeOffset.UtcNow + TimeSpan.FromDays(1));
}
