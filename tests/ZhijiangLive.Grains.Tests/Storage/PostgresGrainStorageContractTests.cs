using Orleans.Hosting;
using ZhijiangLive.Grains.Hosting;
using ZhijiangLive.Storage.Postgres;
using ZhijiangLive.Storage.Tests.Postgres;

namespace ZhijiangLive.Grains.Tests.Storage;

/// <summary>Orleans' ADO.NET grain storage on PostgreSQL, on our schema files, in a fresh database per test.</summary>
[Collection("postgres")]
public sealed class PostgresGrainStorageContractTests(PostgresServer server) : GrainStorageContractTests
{
    private string _connectionString = "";

    protected override async Task PrepareAsync()
    {
        _connectionString = await server.CreateDatabaseAsync();
        await using var store = new PostgresStore(_connectionString);
        await store.InitializeAsync();
    }

    protected override void AddStorage(ISiloBuilder silo) => silo.AddPostgresGrainStorage(ProfileGrain.StorageName, _connectionString);
}
