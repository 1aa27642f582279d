using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Silo.Security;
using ZhijiangLive.Silo.Tests.Live;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Security;

/// <summary>
/// A day of traffic against a silo logging everything at Trace: a roster, publishes, queries over gRPC and
/// HTTP, a hub subscription, and refusals of wrong keys and tokens. The logs hold no key, no token and no
/// teacher's name; the audit log holds who read what.
/// </summary>
public sealed class LogSecretsTests
{
    // Distinctive, so that a plain search finds any of them anywhere in the logs.
    private static readonly string[] TeacherNames = ["日志甲秘密老师", "日志乙秘密老师", "日志丙被拒老师"];

    [Fact]
    public async Task LogsAtTrace_HoldNoKeyTokenOrTeacherName_AndTheAuditLogHoldsTheReads()
    {
        var capture = new LogSecretsCapture();
        await using var silo = await RunningSilo.StartAsync(new RunningSilo.StoppedClock(RunningSilo.Now), builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Services.AddSingleton<ILoggerProvider>(capture);
            // A rule for this provider alone outranks every category filter of configuration and code.
            builder.Logging.AddFilter<LogSecretsCapture>(null, LogLevel.Trace);
        }, "--Logging:LogLevel:Default=Trace");
        var province = TestCredentials.ProvinceToken;
        var county = TestCredentials.TokenFor("330106");
        var refused = new[] { "zlk_wrong-key-for-this-log-test", HttpScopeRoster.ForeignToken("330000"), HttpScopeRoster.ExpiredToken("330000") };

        using var platform = Client(silo, TestCredentials.PlatformKey);
        var roster = await platform.UpsertRosterAsync(Roster());
        using var second = Client(silo, TestCredentials.SecondPlatformKey);
        await second.PublishAsync(Batch(Login("log-1"), Teaching("log-2", "s1", teacher: "T2")));
        await silo.Cluster.FlushAsync();
        using var bureau = Client(silo, province);
        await bureau.GetTeacherAsync(new GetRequest { Id = "T1" });
        await bureau.GetLeaderboardAsync(new LeaderboardRequest { ScopeId = "330106", Kind = "teachers", Period = Period.Day, Limit = 10 });
        Assert.True((await HttpAsync(silo, "/api/teachers/T1", county)).IsSuccessStatusCode);
        Assert.True((await HttpAsync(silo, "/api/leaderboards/330000?kind=teachers", province)).IsSuccessStatusCode);
        await using (var hub = await LiveHubClient.ConnectAsync(silo.Http.BaseAddress!, county))
        {
            await hub.InvokeAsync("Subscribe", "330106", "day");
            Assert.Equal("snapshot", (await hub.NextAsync(TimeSpan.FromSeconds(5))).Target);
            await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => hub.InvokeAsync("Subscribe", "330000", "day"));
        }
        foreach (var wrong in refused)
        {
            Assert.False((await HttpAsync(silo, "/api/teachers/T1", wrong)).IsSuccessStatusCode);
            await Assert.ThrowsAsync<HttpRequestException>(() => LiveHubClient.ConnectAsync(silo.Http.BaseAddress!, wrong));
            using var refusedClient = Client(silo, wrong);
            await CallIgnoringRefusalAsync(() => refusedClient.PublishAsync(Batch(Login($"log-refused-{wrong.Length}"))));
            await CallIgnoringRefusalAsync(() => refusedClient.GetTeacherAsync(new GetRequest { Id = "T1" }));
        }
        Assert.False((await HttpAsync(silo, "/api/teachers/T1", TestCredentials.PlatformKey)).IsSuccessStatusCode);
        await silo.DisposeAsync(); // stopping logs too

        var logs = capture.AllText;
        Assert.Single(roster.Rejections);
        Assert.True(capture.Records.Count > 100, $"only {capture.Records.Count} records: is Trace really on?");
        string[] secrets = [TestCredentials.PlatformKey, TestCredentials.SecondPlatformKey, province, county, .. refused];
        foreach (var secret in secrets)
        {
            if (logs.Contains(secret, StringComparison.Ordinal))
            {
                Assert.Fail($"a log holds the credential {secret[..8]}…: {Around(logs, secret)}");
            }
        }
        foreach (var name in TeacherNames)
        {
            if (logs.Contains(name, StringComparison.Ordinal))
            {
                Assert.Fail($"a log holds the name {name}: {Around(logs, name)}");
            }
        }
        var audit = capture.Records.Where(r => r.Category == AuditLog.Category).Select(r => r.Text).ToList();
        Assert.Contains(audit, line => line.Contains("read Teacher T1 via http") && line.Contains("@330106"));
        Assert.Contains(audit, line => line.Contains("read RankingScope 330000 via http"));
        Assert.Contains(audit, line => line.Contains("read Region 330106 via hub"));
        Assert.Contains(audit, line => line.Contains("refused at hub: region 330000 is outside its region"));
        Assert.Contains(audit, line => line.Contains("anonymous refused at http: the token has expired"));
    }

    private static ZhijiangClient Client(RunningSilo silo, string credential) =>
        new(silo.GrpcAddress, new ZhijiangClientOptions { Metadata = [TestCredentials.Bearer(credential)] });

    private static async Task<HttpResponseMessage> HttpAsync(RunningSilo silo, string route, string credential)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return await silo.Http.SendAsync(request);
    }

    /// <summary>A call that enforcement refuses (or, where none is enforced yet, answers): either way its logs count.</summary>
    private static async Task CallIgnoringRefusalAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (global::Grpc.Core.RpcException)
        {
        }
    }

    private static ZhijiangLive.Contracts.V1.RosterBatch Roster() => new()
    {
        Regions =
        {
            new Region { Id = "330000", Name = "浙江省", Level = RegionLevel.Province },
            new Region { Id = "330100", Name = "杭州市", Level = RegionLevel.City, ParentId = "330000" },
            new Region { Id = "330106", Name = "西湖区", Level = RegionLevel.County, ParentId = "330100" },
        },
        Schools = { new School { Id = "S1", Name = "日志实验学校", CountyId = "330106" } },
        Teachers =
        {
            new Teacher { Id = "T1", Name = TeacherNames[0], SchoolId = "S1", Subject = "数学" },
            new Teacher { Id = "T2", Name = TeacherNames[1], SchoolId = "S1", Subject = "语文" },
            // Refused (no such school): its name must not reach a log through the rejection either.
            new Teacher { Id = "T3", Name = TeacherNames[2], SchoolId = "S404", Subject = "英语" },
        },
    };

    private static string Around(string text, string found)
    {
        var at = text.IndexOf(found, StringComparison.Ordinal);
        var start = text.LastIndexOf('\n', at) + 1;
        return text[start..Math.Min(text.Length, at + found.Length + 200)].Replace(found, "<HERE>");
    }
}
