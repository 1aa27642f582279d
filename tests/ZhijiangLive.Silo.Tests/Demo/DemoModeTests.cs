using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Silo.Demo;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Tests.Demo;

/// <summary><c>--demo</c> loads the real province tree with generated schools and teachers, and drives traffic through ingest.</summary>
public sealed partial class DemoModeTests
{
    [Fact]
    public async Task Demo_LoadsZhejiangsCitiesAndCounties_AndItsTrafficScores()
    {
        await using var silo = await RunningSilo.StartAsync("--demo", "--Zhijiang:Demo:Scale=0.002", "--Zhijiang:Demo:EventsPerSecond=500");
        var roster = silo.Cluster.Roster;
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        // The directory takes the roster before the region grains hear of it, so the province may not answer yet.
        while (roster.TeacherCount == 0 || (await silo.Cluster.GetRegionAsync("330000"))?.Day.Total is null or 0)
        {
            await Task.Delay(50, giveUp.Token);
        }

        Assert.Equal(11, roster.Regions.Count(r => r.Level == RegionLevel.City));
        Assert.Equal(90, roster.Regions.Count(r => r.Level == RegionLevel.County));
        Assert.Contains(roster.Regions, r => r is { Id: "330106", Name: "西湖区", ParentId: "330100" });
        Assert.Equal(1_200, roster.TeacherCount);
        Assert.All(roster.Regions.Where(r => r.Level == RegionLevel.County), county =>
            Assert.Contains(roster.Schools, s => s.CountyId == county.Id));
    }

    [Fact]
    public async Task Demo_PrintsAProvinceTokenAndTheDashboardsLinkWithIt_ThatTheApiAccepts()
    {
        var console = new StringWriter();
        await using var silo = await RunningSilo.StartAsync(new RunningSilo.StoppedClock(RunningSilo.Now),
            builder => builder.Services.AddSingleton(new DemoConsole(console)),
            "--demo", "--Zhijiang:Demo:Scale=0.002", "--Zhijiang:Demo:EventsPerSecond=10");

        var printed = console.ToString();
        var link = Link().Match(printed);
        Assert.True(link.Success, $"no link with a token in: {printed}");
        Assert.Equal(silo.Http.BaseAddress!.GetLeftPart(UriPartial.Authority) + "/", link.Groups["page"].Value);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", link.Groups["token"].Value);
        using var session = await silo.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, session.StatusCode);
        Assert.Contains("\"regionId\":\"330000\"", await session.Content.ReadAsStringAsync());
        Assert.DoesNotContain(TestCredentials.SigningKey, printed);
    }

    [Fact]
    public async Task Demo_WithoutASigningKey_MakesOneForTheRun()
    {
        await using var app = SiloApplication.Build(["--demo", "--urls", "http://127.0.0.1:0", "--Zhijiang:Grpc:Url=http://127.0.0.1:0"]);

        var tokens = app.Services.GetRequiredService<BureauTokens>();

        Assert.True(tokens.CanIssue);
        Assert.True(tokens.TryRead(tokens.Create("330000", RunningSilo.Now.AddDays(1)), RunningSilo.Now, out _, out var failure), failure);
    }

    [Fact]
    public async Task Demo_WithoutKeys_PrintsAPlatformKeyForTheRun_ThatIngestTakes()
    {
        var console = new StringWriter();
        await using var app = SiloApplication.Build(["--demo", "--urls", "http://127.0.0.1:0", "--Zhijiang:Grpc:Url=http://127.0.0.1:0",
            "--Zhijiang:Demo:Scale=0.002", "--Logging:LogLevel:Default=Warning"], builder => builder.Services.AddSingleton(new DemoConsole(console)));
        await app.StartAsync();
        try
        {
            var printed = DemoKeyLine().Match(console.ToString());
            Assert.True(printed.Success, $"no platform key in: {console}");
            var grpc = app.Services.GetRequiredService<ZhijiangLive.Silo.Grpc.GrpcEndpoint>().Address;
            using var client = TestClients.Platform(grpc, printed.Groups["key"].Value);

            var reply = await client.PublishAsync(new Contracts.V1.PublishRequest { Events = { Tests.Grpc.GrpcFixtures.Login("demo-key-1", teacher: "nobody") } });

            Assert.Single(reply.Rejections); // let in, and then judged on its merits (a teacher not on the roster)
            Assert.Equal(printed.Groups["key"].Value, app.Services.GetRequiredService<DemoKey>().Key);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [GeneratedRegex(@"A platform key for Ingest and Roster \(this run only\)[^\n]*\n\s+(?<key>zlk_[A-Za-z0-9_\-]+)")]
    private static partial Regex DemoKeyLine();

    [GeneratedRegex(@"(?<page>http://[^/\s]+/)#token=(?<token>zlt1\.[A-Za-z0-9_\-.]+)")]
    private static partial Regex Link();
}
