using Npgsql;
using ZhijiangLive.Storage.Schema;

namespace ZhijiangLive.Storage.Postgres;

/// <summary>Applies the schema files not yet recorded in <c>schema_version</c>, each once, in its own transaction.</summary>
internal static class PostgresSchema
{
    // Any constant will do; it only has to be the same for every silo sharing a database.
    private const long MigrationLock = 0x7A6A_6C69_7665;

    public static async Task ApplyAsync(NpgsqlDataSource source, CancellationToken cancellation)
    {
        await using var connection = await source.OpenConnectionAsync(cancellation);
        await Execute(connection, "SELECT pg_advisory_lock(@lock)", cancellation, ("lock", MigrationLock));
        try
        {
            await Execute(connection,
                "CREATE TABLE IF NOT EXISTS schema_version (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellation);
            foreach (var (version, sql) in SchemaScripts.For("Postgres"))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellation);
                await using var check = new NpgsqlCommand("SELECT count(*) FROM schema_version WHERE version = @v", connection, transaction);
                check.Parameters.AddWithValue("v", version);
                if ((long)(await check.ExecuteScalarAsync(cancellation))! > 0)
                {
                    continue;
                }
                await using (var apply = new NpgsqlCommand(sql, connection, transaction))
                {
                    await apply.ExecuteNonQueryAsync(cancellation);
                }
                await using (var record = new NpgsqlCommand("INSERT INTO schema_version (version) VALUES (@v)", connection, transaction))
                {
                    record.Parameters.AddWithValue("v", version);
                    await record.ExecuteNonQueryAsync(cancellation);
                }
                await transaction.CommitAsync(cancellation);
            }
        }
        finally
        {
            await Execute(connection, "SELECT pg_advisory_unlock(@lock)", CancellationToken.None, ("lock", MigrationLock));
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellation, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
