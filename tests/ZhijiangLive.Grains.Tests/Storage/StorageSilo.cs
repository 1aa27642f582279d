using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Orleans.Storage;
using ZhijiangLive.Grains.Hosting;

namespace ZhijiangLive.Grains.Tests.Storage;

/// <summary>A one-silo cluster with nothing in it but the grain storage a test gives it.</summary>
internal sealed class StorageSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private StorageSilo(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The provider itself, for tests that act as a second writer behind a grain's back.</summary>
    public IGrainStorage Storage => _host.Services.GetRequiredKeyedService<IGrainStorage>(ProfileGrain.StorageName);

    public static async Task<StorageSilo> StartAsync(Action<ISiloBuilder> addStorage)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseSingleSilo();
            addStorage(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new StorageSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
