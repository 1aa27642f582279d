using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Scoring.RulePacks;

namespace ZhijiangLive.Grains.Hosting;

/// <summary>
/// A one-silo Orleans cluster inside this process, for work that needs grains but no server: rebuilds,
/// benchmarks, tests. Dispose to stop it.
/// </summary>
public sealed class LocalSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private LocalSilo(IHost host)
    {
        _host = host;
        Cluster = host.Services.GetRequiredService<ZhijiangCluster>();
    }

    public ZhijiangCluster Cluster { get; }

    public IServiceProvider Services => _host.Services;

    /// <param name="configure">more for the silo, as a test's call filter</param>
    /// <param name="rubrics">the evaluation rubrics; the shipped ones unless told otherwise</param>
    public static async Task<LocalSilo> StartAsync(RulePack pack, ClusterOptions options, TimeProvider? time = null, Action<ISiloBuilder>? configure = null,
        IReadOnlyDictionary<string, Scoring.Rubrics.Rubric>? rubrics = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseSingleSilo().AddZhijiangGrains(pack, options, time, rubrics);
            configure?.Invoke(silo);
        });
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return new LocalSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
    }
}
