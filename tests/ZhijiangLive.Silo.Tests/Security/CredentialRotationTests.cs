using ZhijiangLive.Contracts.V1;
using Grpc.Core;
using ZhijiangLive.Silo.Security;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Security;

/// <summary>Rotation: several platform keys valid at once, and tokens signed with any configured signing key.</summary>
public sealed class CredentialRotationTests
{
    private static readonly string NextSigningKey = BureauTokens.NewSigningKey();

    [Fact]
    public async Task BothConfiguredPlatformKeys_MayPublish()
    {
        await using var silo = await RunningSilo.StartAsync();
        await SeedRosterAsync(silo.Cluster);
        using var first = silo.PlatformClient();
        using var second = silo.PlatformClient(TestCredentials.SecondPlatformKey);

        var replies = await Task.WhenAll(first.PublishAsync(Batch(Login("k1"))), second.PublishAsync(Batch(Login("k2", teacher: "T2"))));

        Assert.Equal([1, 1], replies.Select(r => r.Accepted));
    }

    [Fact]
    public async Task TokenSignedWithTheSecondSigningKey_IsAccepted_AndOneWithAnUnconfiguredKeyIsNot()
    {
        await using var silo = await RunningSilo.StartAsync($"--Zhijiang:Auth:TokenSigningKeys:1={NextSigningKey}");
        await SeedRosterAsync(silo.Cluster);
        var expires = DateTimeOffset.UtcNow.AddDays(1);
        using var rotated = silo.QueryClient(new BureauTokens([NextSigningKey]).Create("330106", expires));
        using var stranger = silo.QueryClient(new BureauTokens([BureauTokens.NewSigningKey()]).Create("330106", expires));

        var teacher = await rotated.GetTeacherAsync(new GetRequest { Id = "T1" });
        var refused = await Assert.ThrowsAsync<RpcException>(() => stranger.GetTeacherAsync(new GetRequest { Id = "T1" }));

        Assert.Equal("王老师", teacher.Name);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task AKeyTakenOutOfConfiguration_NoLongerPublishes()
    {
        // The first key's entry replaced by another: what an operator does to retire a key.
        await using var silo = await RunningSilo.StartAsync("--Zhijiang:Auth:ApiKeys:0:Name=replacement",
            $"--Zhijiang:Auth:ApiKeys:0:Sha256={ApiKeyRing.Hash("zlk_replacement")}");
        using var retired = silo.PlatformClient();
        using var current = silo.PlatformClient("zlk_replacement");

        var refused = await Assert.ThrowsAsync<RpcException>(() => retired.PublishAsync(Batch()));
        var published = await current.PublishAsync(Batch());

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Empty(published.Rejections);
    }
}
