using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ZhijiangLive.Silo;
using ZhijiangLive.Silo.Durability;
using ZhijiangLive.Silo.Hosting;
using ZhijiangLive.Storage;

namespace ZhijiangLive.Bench.Durability;

/// <summary>
/// A silo in this process on loopback ports, journaling to a PostgreSQL database (or, without a connection
/// string, to the in-memory store) through a <see cref="CountingStore"/>: the decorator replaces the store
/// that <c>Zhijiang:Store</c> chose, as the last registration of <see cref="IDurableStore"/> wins.
/// </summary>
internal static class JournaledSilo
{
    public static (WebApplication Silo, CountingStore Store) Build(string? connection, params string[] settings)
    {
        string[] store = connection is null
            ? ["--Zhijiang:Store:Provider=memory"]
            : ["--Zhijiang:Store:Provider=postgres", $"--Zhijiang:Store:ConnectionString={connection}"];
        var silo = SiloApplication.Build(
            ["--urls", "http://127.0.0.1:0", "--Zhijiang:Grpc:Url=http://127.0.0.1:0", .. store, "--Logging:LogLevel:Default=Warning",
             "--Logging:LogLevel:Microsoft.AspNetCore.StaticFiles=Error", .. BenchCredentials.SiloSettings, .. settings], // no wwwroot beside the benchmark: not worth a warning
            builder => builder.Services.AddSingleton<IDurableStore>(services =>
                new CountingStore(StoreHosting.Create(services.GetRequiredService<StoreOptions>()))));
        return (silo, (CountingStore)silo.Services.GetRequiredService<IDurableStore>());
    }
}
