using ZhijiangLive.Storage;
using ZhijiangLive.Storage.Sqlite;

namespace ZhijiangLive.Silo.Tests.Durability;

public sealed class SqliteCrashTests : CrashTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("zhijiang-crash-").FullName;

    private string DatabasePath => Path.Combine(_directory, "journal.db");

    protected override Task<string[]> StoreSettingsAsync() =>
        Task.FromResult(StoreSettings.Sqlite(DatabasePath));

    protected override IDurableStore OpenStore() => new SqliteStore(DatabasePath);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
