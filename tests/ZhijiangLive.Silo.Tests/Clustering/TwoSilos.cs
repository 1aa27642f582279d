using Orleans.Runtime;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Silo.Tests.Durability;
using ZhijiangLive.Storage;
using ZhijiangLive.Storage.Postgres;

namespace ZhijiangLive.Silo.Tests.Clustering;

/// <summary>Silos of one cluster in this process, each a whole silo host, on one PostgreSQL database for membership and store.</summary>
internal static class TwoSilos
{
    public static string[] Settings(string connectionString) =>
    [
        .. StoreSettings.Postgres(connectionString),
        $"--Zhijiang:Cluster:ConnectionString={connectionString}",
    ];

    public static Task<RunningSilo> StartAsync(string connectionString) => RunningSilo.StartAsync(Settings(connectionString));

    /// <summary>Which of the silos the grain lives on now.</summary>
    public static async Task<SiloAddress?> HostOfAsync(RunningSilo silo, IAddressable grain) =>
        await silo.Cluster.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grain);

    public static async Task<List<string?>> JournaledEventIdsAsync(string connectionString)
    {
        await using var store = new PostgresStore(connectionString);
        return await store.ReadAsync(0).Where(r => r.Kind == JournalKind.Event).Select(r => r.EventId).ToListAsync();
    }

    /// <summary>Until every silo's outbox and every school and region's forward window have sent on what waits.</summary>
    public static Task FlushAsync(RunningSilo silo) => silo.Cluster.FlushAsync();
}
