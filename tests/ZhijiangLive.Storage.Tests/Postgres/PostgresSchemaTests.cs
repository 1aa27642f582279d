using Npgsql;
using ZhijiangLive.Storage.Postgres;
using ZhijiangLive.Storage.Schema;

namespace ZhijiangLive.Storage.Tests.Postgres;

/// <summary>The schema files on a fresh database: all applied, once, with the query keys Orleans' providers look up.</summary>
[Collection("postgres")]
public sealed class PostgresSchemaTests(PostgresServer server)
{
    // Every key AdoNetGrainStorage and AdoNet clustering 10.4 refuse to start without.
    private static readonly string[] s_orleansKeys =
    [
        "ClearStorageKey", "ReadFromStorageKey", "WriteToStorageKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
        "InsertMembershipKey", "InsertMembershipVersionKey", "MembershipReadAllKey", "MembershipReadRowKey",
        "UpdateIAmAlivetimeKey", "UpdateMembershipKey",
    ];

    [Fact]
    public async Task Initialize_OnAFreshDatabase_RecordsEverySchemaFileOnce_EvenWhenRunTwice()
    {
        string database = await server.CreateDatabaseAsync();
        await using (var first = new PostgresStore(database))
        {
            await first.InitializeAsync();
        }
        await using (var second = new PostgresStore(database))
        {
            await second.InitializeAsync();
        }

        var expected = SchemaScripts.For("Postgres").Select(script => script.Version).ToList();
        Assert.Equal([1, 2, 3, 4, 5], expected);
        Assert.Equal(expected, await ReadAsync(database, "SELECT version FROM schema_version ORDER BY version", r => r.GetInt32(0)));
    }

    [Fact]
    public async Task Initialize_FillsTheOrleansQueryTable_WithExactlyTheProvidersKeys()
    {
        string database = await server.CreateDatabaseAsync();
        await using (var store = new PostgresStore(database))
        {
            await store.InitializeAsync();
        }

        var keys = await ReadAsync(database, "SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\"", r => r.GetString(0));
        Assert.Equal(s_orleansKeys.Order(StringComparer.Ordinal), keys);
    }

    [Fact]
    public void SqliteSchema_HasTheJournalsFiles_ButNoneOfTheOrleansOnes()
    {
        Assert.Equal([1, 2], SchemaScripts.For("Sqlite").Select(script => script.Version));
    }

    private static async Task<List<T>> ReadAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
