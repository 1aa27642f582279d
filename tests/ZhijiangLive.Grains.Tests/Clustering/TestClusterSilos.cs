using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;
using ZhijiangLive.Grains.Hosting;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Storage;
using ZhijiangLive.Storage.Sqlite;

namespace ZhijiangLive.Grains.Tests.Clustering;

/// <summary>
/// Silos of an Orleans TestCluster with the teacher, school and region grains, each keeping grain state in one
/// shared SQLite file (named by the cluster's configuration), so that a grain that comes back on another silo
/// finds its stored row.
/// </summary>
public sealed class ZhijiangSiloConfigurator : ISiloConfigurator
{
    public const string SqlitePath = "ZhijiangTests:SqlitePath";
    public const int LedgerEntries = 10_000;

    public void Configure(ISiloBuilder silo)
    {
        var path = silo.Configuration[SqlitePath] ?? throw new InvalidOperationException($"{SqlitePath} is not set");
        silo.Services.AddSingleton<IDurableStore>(_ =>
        {
            var store = new SqliteStore(path);
            store.InitializeAsync().GetAwaiter().GetResult();
            return store;
        });
        silo.AddZhijiangGrains(RulePackLoader.Default, new ClusterOptions { LedgerEntriesPerTeacher = LedgerEntries });
    }
}

internal static class TestClusterSilos
{
    public static async Task<TestCluster> StartAsync(string sqlitePath, short silos = 2)
    {
        var builder = new TestClusterBuilder(silos);
        builder.ConfigureHostConfiguration(configuration =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { [ZhijiangSiloConfigurator.SqlitePath] = sqlitePath }));
        builder.AddSiloBuilderConfigurator<ZhijiangSiloConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
