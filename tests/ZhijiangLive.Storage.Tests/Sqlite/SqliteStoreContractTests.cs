using ZhijiangLive.Storage.Sqlite;

namespace ZhijiangLive.Storage.Tests.Sqlite;

public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"zhijiang-store-{Guid.NewGuid():N}.db");

    protected override string ExpectedName => "sqlite";

    protected override Task<IDurableStore> CreateStoreAsync() => Task.FromResult<IDurableStore>(new SqliteStore(_path));

    protected override IDurableStore OpenSameStorage() => new SqliteStore(_path);

    protected override Task DeleteStorageAsync()
    {
        foreach (string suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(_path + suffix);
        }
        return Task.CompletedTask;
    }
}
