using ZhijiangLive.Storage.Postgres;

namespace ZhijiangLive.Storage.Tests.Postgres;

[Collection("postgres")]
public sealed class PostgresStoreContractTests(PostgresServer server) : StoreContractTests
{
    private string _connectionString = "";

    protected override string ExpectedName => "postgres";

    protected override async Task<IDurableStore> CreateStoreAsync()
    {
        _connectionString = await server.CreateDatabaseAsync();
        return new PostgresStore(_connectionString);
    }

    protected override IDurableStore OpenSameStorage() => new PostgresStore(_connectionString);
}
