using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ZhijiangLive.Grains.Hosting;

namespace ZhijiangLive.Grains.Tests.Clustering;

/// <summary>One silo of a cluster on PostgreSQL membership and grain storage, hosted in this process.</summary>
internal sealed class PostgresClusterSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private PostgresClusterSilo(IHost host)
    {
        _host = host;
        Address = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
    }

    public SiloAddress Address { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<PostgresClusterSilo> StartAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo
            .UsePostgresClustering(connectionString, siloPort: 0, gatewayPort: 0)
            .AddPostgresGrainStorage(CounterGrain.StorageName, connectionString));
        var host = builder.Build();
        await host.StartAsync();
        return new PostgresClusterSilo(host);
    }

    /// <summary>
    /// Stops with the stop already cancelled, as Orleans' test cluster kills an in-process silo: its grains are
    /// not deactivated or handed over. It does still mark itself Dead in the membership table on the way out,
    /// which a process killed by the operating system could not.
    /// </summary>
    public async Task KillAsync()
    {
        _stopped = true;
        try
        {
            await _host.StopAsync(new CancellationToken(canceled: true));
        }
        catch (OperationCanceledException)
        {
            // Expected: that is what a cancelled stop reports.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await _host.StopAsync();
        }
        _host.Dispose();
    }
}
