using Google.Protobuf;
using Microsoft.Extensions.Logging;
using ZhijiangLive.Contracts.V1;
using Grpc.Core;
using ZhijiangLive.Silo.Security;
using ZhijiangLive.Silo.Tests.Grpc;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;
using static ZhijiangLive.Silo.Tests.Security.ScopedRoster;

namespace ZhijiangLive.Silo.Tests.Security;

/// <summary>
/// A bureau token reads its region and everything under it and nothing else; an id outside it and an id
/// that does not exist get the same answer; every read and refusal is in the audit log.
/// </summary>
public sealed class QueryScopeTests : IAsyncLifetime
{
    private const string Query = "/zhijiang.live.v1.Query/";
    private readonly CapturedLogs _logs = new();
    private readonly string _countyToken = TestCredentials.TokenFor(County);
    private RunningSilo _silo = null!;
    private RawGrpc _grpc = null!;

    public async Task InitializeAsync()
    {
        _silo = await RunningSilo.StartAsync(new RunningSilo.StoppedClock(RunningSilo.Now), builder => builder.Logging.AddProvider(_logs),
            "--Logging:LogLevel:Default=Information");
        await SeedAsync(_silo.Cluster);
        _grpc = new RawGrpc(_silo.GrpcAddress);
        var published = await _grpc.SendAsync(Publish, RawGrpc.Frame(Batch(
            Teaching("e1", "s1", "T1"), Teaching("e2", "s2", "T2"), Teaching("e3", "s3", "T3"), Teaching("e4", "s4", "T4"))));
        Assert.Equal(4, Assert.Single(published.Messages(PublishReply.Parser)).Accepted);
        await _silo.Cluster.FlushAsync();
    }

    public async Task DisposeAsync()
    {
        _grpc.Dispose();
        await _silo.DisposeAsync();
    }

    [Theory]
    [InlineData("GetRegion", County)]
    [InlineData("GetSchool", "S1")]
    [InlineData("GetTeacher", "T1")]
    [InlineData("ExplainTeacher", "T2")]
    [InlineData("GetLeaderboard", County)]
    [InlineData("GetLeaderboard", "S1")]
    public async Task CountyToken_ReadsItsOwnCountySchoolsAndTeachers(string method, string id)
    {
        var reply = await AskAsync(method, id, _countyToken);

        Assert.Equal(StatusCode.OK, reply.Status);
        Assert.NotEmpty(reply.Body);
    }

    [Theory]
    [InlineData("GetRegion", Neighbour)]
    [InlineData("GetRegion", City)]
    [InlineData("GetRegion", "330000")]
    [InlineData("GetSchool", "S2")]
    [InlineData("GetTeacher", "T3")]
    [InlineData("ExplainTeacher", "T4")]
    [InlineData("GetLeaderboard", Neighbour)]
    [InlineData("GetLeaderboard", City)]
    [InlineData("GetLeaderboard", "S2")]
    public async Task CountyToken_IsRefusedTheNeighbourTheCityAndTheirMembers(string method, string id)
    {
        var reply = await AskAsync(method, id, _countyToken);

        Assert.Equal(StatusCode.PermissionDenied, reply.Status);
        Assert.Equal($"'{id}' is outside this token's region", reply.Message);
        Assert.Empty(reply.Body);
    }

    [Theory]
    [InlineData("GetRegion", Neighbour)]
    [InlineData("GetSchool", "S2")]
    [InlineData("GetTeacher", "T3")]
    [InlineData("ExplainTeacher", "T3")]
    [InlineData("GetLeaderboard", Neighbour)]
    public async Task AnIdOutsideTheRegion_AndOneThatDoesNotExist_GetTheSameAnswer(string method, string outside)
    {
        const string missing = "NOPE";

        var refused = await AskAsync(method, outside, _countyToken);
        var unknown = await AskAsync(method, missing, _countyToken);

        Assert.Equal(
            (refused.Status, refused.Message.Replace(outside, "<id>"), refused.TrailersOnly, refused.Body.Length),
            (unknown.Status, unknown.Message.Replace(missing, "<id>"), unknown.TrailersOnly, unknown.Body.Length));
    }

    [Fact]
    public async Task LeaderboardAroundATeacherOutsideTheRegion_IsPermissionDenied()
    {
        var reply = await _grpc.SendAsync(Query + "GetLeaderboard",
            RawGrpc.Frame(new LeaderboardRequest { ScopeId = County, Kind = "teachers", AroundId = "T3" }), headers: Bearer(_countyToken));

        Assert.Equal(StatusCode.PermissionDenied, reply.Status);
        Assert.Contains("'T3'", reply.Message);
    }

    [Fact]
    public async Task TeacherNames_AppearOnlyToTokensWhoseRegionHoldsThem()
    {
        var county = await TeacherNamesAsync(County, _countyToken);
        var city = await TeacherNamesAsync(City, TestCredentials.TokenFor(City));
        var province = await TeacherNamesAsync("330000", TestCredentials.ProvinceToken);

        Assert.Equal(["李老师", "王老师"], county.Order());
        Assert.Equal(["李老师", "王老师", "赵老师"], city.Order());
        Assert.Equal(["孙老师", "李老师", "王老师", "赵老师"], province.Order());
    }

    [Fact]
    public async Task AuditLog_RecordsEachReadAndEachRefusal_ByIdAndNeverBySecretOrName()
    {
        await AskAsync("GetTeacher", "T1", _countyToken);
        await AskAsync("GetTeacher", "T3", _countyToken);
        await _grpc.SendAsync(Query + "GetRegion", RawGrpc.Frame(new GetRequest { Id = County }), headers: ("authorization", "Bearer zlk_stolen"));

        var audit = _logs.In(AuditLog.Category).ToList();
        Assert.Contains(audit, line => line.Contains($"@{County} read Teacher T1 via grpc"));
        Assert.Contains(audit, line => line.Contains($"@{County} refused at grpc") && line.Contains("'T3'"));
        Assert.Contains(audit, line => line.StartsWith("anonymous refused at grpc") && line.Contains("not valid"));
        var everything = string.Join('\n', _logs.Records.Select(r => r.Text));
        Assert.DoesNotContain(_countyToken, everything);
        Assert.DoesNotContain("zlk_stolen", everything);
        Assert.DoesNotContain(TestCredentials.PlatformKey, everything);
        Assert.All(TeacherNames, name => Assert.DoesNotContain(name, everything));
    }

    private async Task<IEnumerable<string>> TeacherNamesAsync(string scope, string token)
    {
        var reply = await _grpc.SendAsync(Query + "GetLeaderboard",
            RawGrpc.Frame(new LeaderboardRequest { ScopeId = scope, Kind = "teachers", Limit = 100 }), headers: Bearer(token));
        Assert.Equal(StatusCode.OK, reply.Status);
        return Assert.Single(reply.Messages(LeaderboardView.Parser)).Entries.Select(e => e.Name);
    }

    private Task<RawReply> AskAsync(string method, string id, string token) =>
        _grpc.SendAsync(Query + method, RawGrpc.Frame(method == "GetLeaderboard"
            ? new LeaderboardRequest { ScopeId = id, Kind = "teachers" }
            : (IMessage)new GetRequest { Id = id }), headers: Bearer(token));

    private static (string, string) Bearer(string credential) => ("authorization", $"Bearer {credential}");
}
