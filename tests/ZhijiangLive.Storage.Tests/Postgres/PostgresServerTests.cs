using Npgsql;
using ZhijiangLive.Storage.Postgres;

namespace ZhijiangLive.Storage.Tests.Postgres;

[Collection("postgres")]
public sealed class PostgresServerTests(PostgresServer server)
{
    [Fact]
    public async Task CreateDatabase_GivesEachCallADatabaseOfItsOwn()
    {
        string first = await server.CreateDatabaseAsync();
        string second = await server.CreateDatabaseAsync();
        await using var writer = new PostgresStore(first);
        await writer.InitializeAsync();
        await writer.AppendAsync(Records.Journal(1, 3));

        await using var other = new PostgresStore(second);
        await other.InitializeAsync();

        Assert.NotEqual(first, second);
        Assert.Equal(0, await other.LastPositionAsync());
    }

    [Fact]
    public async Task StopThenStart_RefusesConnectionsWhileStopped_AndKeepsThePortAndTheData()
    {
        string database = await server.CreateDatabaseAsync();
        await using (var store = new PostgresStore(database))
        {
            await store.InitializeAsync();
            await store.AppendAsync(Records.Journal(1, 3));
        }
        int port = server.Port;

        await server.StopAsync();
        try
        {
            await using var refused = new NpgsqlConnection(server.ConnectionString);
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => refused.OpenAsync());
        }
        finally
        {
            await server.StartAsync();
        }

        Assert.Equal(port, server.Port);
        await using var reopened = new PostgresStore(database);
        await reopened.InitializeAsync();
        Assert.Equal([1, 2, 3], await reopened.ReadAsync(0).Select(r => r.Position).ToListAsync());
    }
}
