using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using ZhijiangLive.Client;
using ZhijiangLive.LoadTests.Live;
using ZhijiangLive.Silo.Hosting;
using ZhijiangLive.Silo.Live;
using ZhijiangLive.Silo.Security;
using ZhijiangLive.Silo.Tests.Security;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;
using static ZhijiangLive.Silo.Tests.Security.HttpScopeRoster;

namespace ZhijiangLive.Silo.Tests.Live;

/// <summary>
/// The hub behind bureau tokens: no token, a refused one or a platform key never gets a connection; a county's
/// token sees its county only, whatever region the client names; an expiring token closes its connection.
/// </summary>
public sealed class LiveHubAuthTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private readonly RunningSilo.StoppedClock _clock = new(RunningSilo.Now);
    private RunningSilo _silo = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _silo = await RunningSilo.StartAsync(_clock);
        _address = _silo.Http.BaseAddress!;
        await SeedAsync(_silo.Cluster);
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    public static TheoryData<string, HttpStatusCode> RefusedCredentials() => new()
    {
        { "none", HttpStatusCode.Unauthorized },
        { "expired", HttpStatusCode.Unauthorized },
        { "foreign", HttpStatusCode.Unauthorized },
        { "platform key", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(RefusedCredentials))]
    public async Task Negotiate_WithoutABureauToken_IsRefused(string kind, HttpStatusCode status)
    {
        var credential = kind switch
        {
            "none" => null,
            "expired" => ExpiredToken(Province),
            "foreign" => ForeignToken(Province),
            _ => TestCredentials.PlatformKey,
        };

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => LiveHubClient.ConnectAsync(_address, credential));

        Assert.Equal(status, error.StatusCode);
    }

    [Fact]
    public async Task Connect_WithoutTheToken_IsRefusedEvenAfterANegotiateWithIt()
    {
        var connectionToken = await RawHubSocket.NegotiateAsync(_address, TestCredentials.ProvinceToken);
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(RawHubSocket.SocketUrl(_address, connectionToken, null), default));

        Assert.Equal(HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    [Theory]
    [InlineData(Xihu)]
    [InlineData(Hangzhou)]
    [InlineData("339999")]
    public async Task ACountysToken_SubscribingElsewhere_IsRefusedAlike_AndReceivesNothingFromThere(string elsewhere)
    {
        await using var binjiang = await LiveHubClient.ConnectAsync(_address, TestCredentials.TokenFor(Binjiang));
        await using var xihu = await LiveHubClient.ConnectAsync(_address, TestCredentials.TokenFor(Xihu));
        await xihu.InvokeAsync("Subscribe", Xihu, "day");
        Assert.Equal("snapshot", (await xihu.NextAsync(Wait)).Target);

        var error = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => binjiang.InvokeAsync("Subscribe", elsewhere, "day"));
        using var grpc = new ZhijiangClient(_silo.GrpcAddress, new ZhijiangClientOptions { Metadata = [TestCredentials.Bearer(TestCredentials.PlatformKey)] });
        Assert.Equal(1, (await grpc.PublishAsync(Batch(Login("elsewhere-1", teacher: "T1")))).Accepted);
        await _silo.Cluster.FlushAsync();
        var toXihu = await xihu.NextAsync(Wait);
        var toBinjiang = await binjiang.CollectAsync(TimeSpan.FromSeconds(1.5));

        Assert.EndsWith($"HubException: region '{elsewhere}' is outside this token's region", error.Message);
        Assert.Equal("update", toXihu.Target);
        Assert.Empty(toBinjiang);
    }

    [Fact]
    public async Task Regions_OfACountysToken_ListOnlyItsCounty()
    {
        await using var client = await LiveHubClient.ConnectAsync(_address, TestCredentials.TokenFor(Binjiang));

        var regions = await client.InvokeAsync<List<LiveRegion>>("Regions");

        Assert.Equal([new LiveRegion(Binjiang, "滨江区", "county", Hangzhou)], regions!);
    }

    [Fact]
    public async Task Regions_OfACitysToken_ListTheCityAndItsCounties()
    {
        await using var client = await LiveHubClient.ConnectAsync(_address, TestCredentials.TokenFor(Hangzhou));

        var regions = await client.InvokeAsync<List<LiveRegion>>("Regions");

        Assert.Equal([Hangzhou, Xihu, Binjiang], regions!.Select(r => r.Id));
    }

    [Fact]
    public async Task ATokenThatExpires_ClosesItsConnection()
    {
        var token = new BureauTokens([TestCredentials.SigningKey]).Create(Xihu, RunningSilo.Now + TimeSpan.FromHours(1));
        await using var client = await LiveHubClient.ConnectAsync(_address, token);
        await client.InvokeAsync("Subscribe", Xihu, "day");
        Assert.Equal("snapshot", (await client.NextAsync(Wait)).Target);

        _clock.Advance(TimeSpan.FromHours(2));
        var closed = await client.Closed.WaitAsync(Wait).ContinueWith(t => t.IsCompletedSuccessfully);

        Assert.True(closed, "the connection stayed open after its token expired");
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.InvokeAsync("Subscribe", Xihu, "day"));
    }
}
