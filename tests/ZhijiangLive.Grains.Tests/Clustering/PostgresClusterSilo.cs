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

    /// <summary>
    /// Completes once this silo knows <paramref name="silos"/> active silos and has the grain types of each (its
    /// cluster manifest): placement chooses among those, and the manifest of a silo that just joined comes a
    /// moment after its row in the membership table.
    /// </summary>
    public async Task SeesAsync(int silos)
    {
        var membership = _host.Services.GetRequiredService<IClusterMembershipService>();
        var manifest = _host.Services.GetRequiredService<Orleans.Runtime.IClusterManifestProvider>();
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) < silos || manifest.Current.Silos.Count < silos)
        {
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"the silo did not see {silos} active silos with their manifests within 10 s");
            }
            await Task.Delay(50);
        }
    }

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
