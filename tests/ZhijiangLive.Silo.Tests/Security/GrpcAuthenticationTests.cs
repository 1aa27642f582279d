using Google.Protobuf;
using ZhijiangLive.Contracts.V1;
using Grpc.Core;
using ZhijiangLive.Silo.Security;
using ZhijiangLive.Silo.Tests.Grpc;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Security;

/// <summary>
/// Every gRPC method with missing, wrong, expired and misdirected credentials: the right status, trailers-only,
/// nothing in the body, and never the credential in the reason.
/// </summary>
public sealed class GrpcAuthenticationTests : SeededSilo
{
    private RawGrpc _anonymous = null!;

    public static TheoryData<string> Methods => new()
    {
        "Ingest/Publish", "Ingest/PublishStream", "Roster/Upsert",
        "Query/GetTeacher", "Query/GetSchool", "Query/GetRegion", "Query/GetLeaderboard", "Query/ExplainTeacher",
    };

    public static TheoryData<string> IngestMethods => new() { "Ingest/Publish", "Ingest/PublishStream", "Roster/Upsert" };

    public static TheoryData<string> QueryMethods => new()
    {
        "Query/GetTeacher", "Query/GetSchool", "Query/GetRegion", "Query/GetLeaderboard", "Query/ExplainTeacher",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _anonymous = new RawGrpc(Silo.GrpcAddress, authenticate: false);
    }

    public override Task DisposeAsync()
    {
        _anonymous.Dispose();
        return base.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task NoCredentials_IsUnauthenticated(string method)
    {
        var reply = await CallAsync(method, authorization: null);

        AssertRefused(reply, StatusCode.Unauthenticated, "no credentials");
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task WrongKey_IsUnauthenticated_WithoutRepeatingIt(string method)
    {
        var reply = await CallAsync(method, "Bearer zlk_not-a-key-we-know");

        AssertRefused(reply, StatusCode.Unauthenticated, "not valid");
        Assert.DoesNotContain("zlk_not-a-key-we-know", reply.Message);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task ExpiredToken_IsUnauthenticated(string method)
    {
        var expired = TestCredentials.TokenExpiringAt(TestCredentials.ProvinceId, RunningSilo.Now - TimeSpan.FromMinutes(1));

        var reply = await CallAsync(method, $"Bearer {expired}");

        AssertRefused(reply, StatusCode.Unauthenticated, "expired");
        Assert.DoesNotContain(expired, reply.Message);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task TokenSignedWithAnUnknownKey_IsUnauthenticated(string method)
    {
        var forged = new BureauTokens([BureauTokens.NewSigningKey()]).Create(TestCredentials.ProvinceId, RunningSilo.Now.AddDays(1));

        var reply = await CallAsync(method, $"Bearer {forged}");

        AssertRefused(reply, StatusCode.Unauthenticated, "signature");
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData(TestCredentials.PlatformKey)]
    public async Task MalformedAuthorization_IsUnauthenticated(string header)
    {
        var reply = await CallAsync("Ingest/Publish", header);

        AssertRefused(reply, StatusCode.Unauthenticated, "Bearer");
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task TokenForAnotherRegion_IsPermissionDenied(string method)
    {
        var reply = await CallAsync(method, $"Bearer {TestCredentials.TokenFor("330200")}");

        AssertRefused(reply, StatusCode.PermissionDenied, "");
    }

    [Theory]
    [MemberData(nameof(QueryMethods))]
    public async Task PlatformKeyOnQuery_IsPermissionDenied(string method)
    {
        var reply = await CallAsync(method, $"Bearer {TestCredentials.PlatformKey}");

        AssertRefused(reply, StatusCode.PermissionDenied, "bureau token");
    }

    [Theory]
    [MemberData(nameof(IngestMethods))]
    public async Task BureauTokenOnIngestOrRoster_IsPermissionDenied(string method)
    {
        var reply = await CallAsync(method, $"Bearer {TestCredentials.ProvinceToken}");

        AssertRefused(reply, StatusCode.PermissionDenied, "platform API key");
    }

    [Fact]
    public async Task Credentials_AreCheckedBeforeTheBodyIsRead()
    {
        byte[] badFlag = [7, 0, 0, 0, 1, 0];

        var reply = await _anonymous.SendAsync(Publish, badFlag);

        AssertRefused(reply, StatusCode.Unauthenticated, "no credentials");
    }

    [Fact]
    public async Task RefusedPublish_TakesNothing_SoTheSameEventIsNewWithTheKey()
    {
        await _anonymous.SendAsync(Publish, RawGrpc.Frame(Batch(Login("e-refused"))));

        var reply = await Grpc.SendAsync(Publish, RawGrpc.Frame(Batch(Login("e-refused"))));

        var published = Assert.Single(reply.Messages(PublishReply.Parser));
        Assert.Equal((1, 0), (published.Accepted, published.Duplicates));
    }

    [Fact]
    public async Task Health_IsOpenWithoutCredentials()
    {
        var reply = await _anonymous.SendAsync("/grpc.health.v1.Health/Check", RawGrpc.Frame(new global::Grpc.Health.V1.HealthCheckRequest()));

        Assert.Equal(StatusCode.OK, reply.Status);
    }

    private Task<RawReply> CallAsync(string method, string? authorization)
    {
        var path = $"/zhijiang.live.v1.{method}";
        return authorization is null
            ? _anonymous.SendAsync(path, Body(method))
            : _anonymous.SendAsync(path, Body(method), headers: ("authorization", authorization));
    }

    private static byte[] Body(string method) => RawGrpc.Frame(method switch
    {
        "Ingest/Publish" or "Ingest/PublishStream" => Batch(Login($"e-{method}")),
        "Roster/Upsert" => new ZhijiangLive.Contracts.V1.RosterBatch { Teachers = { new Teacher { Id = "T9", Name = "钱老师", SchoolId = "S1" } } },
        "Query/GetLeaderboard" => new LeaderboardRequest { ScopeId = "330000", Kind = "teachers" },
        "Query/GetSchool" => new GetRequest { Id = "S1" },
        "Query/GetRegion" => new GetRequest { Id = "330106" },
        _ => (IMessage)new GetRequest { Id = "T1" },
    });

    private static void AssertRefused(RawReply reply, StatusCode expected, string reasonContains)
    {
        Assert.Equal(expected, reply.Status);
        Assert.True(reply.TrailersOnly, "a refusal is trailers-only");
        Assert.Empty(reply.Body);
        Assert.Contains(reasonContains, reply.Message);
    }
}
