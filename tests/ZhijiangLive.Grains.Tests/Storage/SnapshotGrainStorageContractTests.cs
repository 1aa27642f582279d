using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using ZhijiangLive.Grains.Storage;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Storage;
using ZhijiangLive.Storage.Postgres;
using ZhijiangLive.Storage.Sqlite;
using ZhijiangLive.Storage.Tests.Postgres;

namespace ZhijiangLive.Grains.Tests.Storage;

/// <summary>Our grain storage on the silo's store, held to the same contract as Orleans' own providers.</summary>
public abstract class SnapshotGrainStorageContractTests : GrainStorageContractTests
{
    protected IDurableStore Store { get; set; } = null!;

    protected override void AddStorage(ISiloBuilder silo) =>
        silo.Services.AddGrainStorage(ProfileGrain.StorageName, (services, _) => new SnapshotGrainStorage(
            Store, new GrainServices(RulePackLoader.Default, new ClusterOptions(), TimeProvider.System),
            services.GetRequiredService<Serializer>()));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Store.DisposeAsync();
    }
}

/// <summary>On the embedded SQLite store, a file per test.</summary>
public sealed class SqliteSnapshotGrainStorageContractTests : SnapshotGrainStorageContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"zhijiang-contract-{Guid.NewGuid():N}.db");

    protected override async Task PrepareAsync()
    {
        Store = new SqliteStore(_path);
        await Store.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_path);
    }
}

/// <summary>On the PostgreSQL store, a fresh database per test.</summary>
[Collection("postgres")]
public sealed class PostgresSnapshotGrainStorageContractTests(PostgresServer server) : SnapshotGrainStorageContractTests
{
    protected override async Task PrepareAsync()
    {
        Store = new PostgresStore(await server.CreateDatabaseAsync());
        await Store.InitializeAsync();
    }
}
