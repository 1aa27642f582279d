using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ZhijiangLive.Silo.Grpc;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Demo;

/// <summary>
/// <c>--demo</c>'s greeting: once the silo listens, a province-level token and a link that opens the dashboard
/// with it, written to the console (never to a log, which must not carry tokens).
/// </summary>
public sealed class DemoWelcome(
    IHostApplicationLifetime lifetime, IServer server, GrpcEndpoint grpc, BureauTokens tokens, DemoKey demoKey, TimeProvider clock, DemoConsole console)
    : IHostedService
{
    public const string ProvinceId = "330000";
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Greet);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string KeyLines() => demoKey.Key is { } key
        ? $"""
            A platform key for Ingest and Roster (this run only), e.g. for the load tester's --api-key:
              {key}

            """
        : "";

    private void Greet()
    {
        var token = tokens.Create(ProvinceId, clock.GetUtcNow() + ValidFor);
        var page = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => new Uri(a)).FirstOrDefault(a => a.Port != grpc.Address.Port);
        var link = new UriBuilder(page ?? new Uri("http://localhost:5080/")) { Path = "/", Fragment = "token=" + token }.Uri;
        console.Out.WriteLine($"""

            Demo: a bureau token for the whole province (330000), valid for {ValidFor.TotalDays:0} days:
              {token}
            Open the dashboard with it:
              {link.AbsoluteUri}
            {KeyLines()}
            """);
    }
}

/// <summary>Where <see cref="DemoWelcome"/> writes: the console, or a test's writer.</summary>
public sealed record DemoConsole(TextWriter Out);
