using ZhijiangLive.Silo.Tests.Live;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Limits;

/// <summary>
/// HubMaximumReceiveMessageSize: a hub message over it closes that connection with an error; the other
/// dashboards' connections are untouched.
/// </summary>
public sealed class HubMessageLimitTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private RunningSilo _silo = null!;

    public async Task InitializeAsync()
    {
        _silo = await RunningSilo.StartAsync("--Zhijiang:Limits:HubMaximumReceiveMessageSize=1024");
        await SeedRosterAsync(_silo.Cluster);
    }

    public Task DisposeAsync() => _silo.DisposeAsync().AsTask();

    [Fact]
    public async Task MessageOverTheMaximum_ClosesThatConnectionWithAnError_AndNotAnother()
    {
        await using var honest = await LiveHubClient.ConnectAsync(_silo.Http.BaseAddress!, TestCredentials.ProvinceToken);
        await using var oversize = await LiveHubClient.ConnectAsync(_silo.Http.BaseAddress!, TestCredentials.ProvinceToken);

        var refused = await Record.ExceptionAsync(() => oversize.InvokeAsync("Subscribe", new string('9', 1100), "day"));
        var afterwards = await oversize.CollectAsync(Wait);

        // The call never completes: the SignalR client fails it when the hub closes the connection.
        Assert.StartsWith("The server closed the connection with the", Assert.IsType<Microsoft.AspNetCore.SignalR.HubException>(refused).Message);
        // The hub's close message (type 7) with an error; the reason itself stays in the silo's log.
        Assert.EndsWith("Connection closed with an error.", oversize.CloseError);
        Assert.Empty(afterwards);
        await honest.InvokeAsync("Subscribe", "330106", "day");
        Assert.Equal("snapshot", (await honest.NextAsync(Wait)).Target);
    }

    [Fact]
    public async Task MessageUnderTheMaximum_IsTaken()
    {
        await using var client = await LiveHubClient.ConnectAsync(_silo.Http.BaseAddress!, TestCredentials.ProvinceToken);

        var refused = await Record.ExceptionAsync(() => client.InvokeAsync("Subscribe", new string('9', 900), "day"));

        // An unknown region of 900 digits: the hub read it and answered with its reason; the connection stays.
        Assert.IsType<Microsoft.AspNetCore.SignalR.HubException>(refused);
        await client.InvokeAsync("Subscribe", "330106", "day");
        Assert.Equal("snapshot", (await client.NextAsync(Wait)).Target);
    }
}
