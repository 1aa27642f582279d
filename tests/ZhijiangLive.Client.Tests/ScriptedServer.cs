using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ZhijiangLive.Client.Tests;

/// <summary>A Grpc.AspNetCore server on a free loopback port, h2c only, serving <see cref="ScriptedIngest"/>.</summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedServer(WebApplication app, IngestScript script)
    {
        _app = app;
        Script = script;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public IngestScript Script { get; }

    public Uri Address { get; }

    public static async Task<ScriptedServer> StartAsync()
    {
        var script = new IngestScript();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(script);
        var app = builder.Build();
        app.MapGrpcService<ScriptedIngest>();
        await app.StartAsync();
        return new ScriptedServer(app, script);
    }

    public ZhijiangClient Client(ZhijiangClientOptions? options = null) => new(Address, options);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
