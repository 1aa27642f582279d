using ZhijiangLive.Storage;
using ZhijiangLive.Storage.Postgres;
using ZhijiangLive.Storage.Tests.Postgres;

namespace ZhijiangLive.Silo.Tests.Durability;

[Collection("postgres")]
public sealed class PostgresCrashTests(PostgresServer postgres) : CrashTests
{
    private string? _connectionString;

    protected override async Task<string[]> StoreSettingsAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync();
        return StoreSettings.Postgres(_connectionString);
    }

    protected override IDurableStore OpenStore() => new PostgresStore(_connectionString!);
}
