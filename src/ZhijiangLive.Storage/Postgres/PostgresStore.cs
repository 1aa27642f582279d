using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace ZhijiangLive.Storage.Postgres;

/// <summary>
/// The production store: PostgreSQL through one <see cref="NpgsqlDataSource"/>. Journal batches go in by
/// binary COPY inside a transaction, so a batch of thousands of events costs one round of writes and one
/// synced commit.
/// </summary>
public sealed class PostgresStore(string connectionString) : IDurableStore
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);
    private JournalLease? _lease;

    public string Name => "postgres";

    public async Task PingAsync(CancellationToken cancellation = default)
    {
        await using var command = _source.CreateCommand("SELECT position FROM watermark LIMIT 1");
        await command.ExecuteScalarAsync(cancellation);
    }

    public Task InitializeAsync(CancellationToken cancellation = default) => PostgresSchema.ApplyAsync(_source, cancellation);

    public async Task<long> LastPositionAsync(CancellationToken cancellation = default)
    {
        await using var command = _source.CreateCommand(
            "SELECT greatest((SELECT coalesce(max(position), 0) FROM journal), (SELECT coalesce(max(position), 0) FROM watermark))");
        return (long)(await command.ExecuteScalarAsync(cancellation))!;
    }

    public async Task<JournalLease> TakeJournalAsync(string owner, CancellationToken cancellation = default)
    {
        var takenAt = DateTimeOffset.UtcNow;
        await using var command = _source.CreateCommand("""
            INSERT INTO journal_lease (id, epoch, owner, taken_ticks) VALUES (1, 1, $1, $2)
            ON CONFLICT (id) DO UPDATE SET epoch = journal_lease.epoch + 1, owner = excluded.owner, taken_ticks = excluded.taken_ticks
            RETURNING epoch
            """);
        command.Parameters.AddWithValue(owner);
        command.Parameters.AddWithValue(takenAt.UtcTicks);
        var lease = new JournalLease((long)(await command.ExecuteScalarAsync(cancellation))!, owner, takenAt);
        Volatile.Write(ref _lease, lease);
        return lease;
    }

    public async Task AppendAsync(IReadOnlyList<JournalRecord> records, CancellationToken cancellation = default)
    {
        if (records.Count == 0)
        {
            return;
        }
        await using var connection = await _source.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        if (Volatile.Read(ref _lease) is { } mine)
        {
            await CheckLeaseAsync(connection, transaction, mine, cancellation);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY journal (position, kind, event_id, occurred_ticks, accepted_ticks, payload) FROM STDIN (FORMAT BINARY)", cancellation))
        {
            foreach (var record in records)
            {
                await copy.StartRowAsync(cancellation);
                await copy.WriteAsync(record.Position, NpgsqlDbType.Bigint, cancellation);
                await copy.WriteAsync((short)record.Kind, NpgsqlDbType.Smallint, cancellation);
                if (record.EventId is null)
                {
                    await copy.WriteNullAsync(cancellation);
                }
                else
                {
                    await copy.WriteAsync(record.EventId, NpgsqlDbType.Text, cancellation);
                }
                await copy.WriteAsync(record.OccurredAt.UtcTicks, NpgsqlDbType.Bigint, cancellation);
                await copy.WriteAsync(record.AcceptedAt.UtcTicks, NpgsqlDbType.Bigint, cancellation);
                await copy.WriteAsync(record.Payload, NpgsqlDbType.Bytea, cancellation);
            }
            await copy.CompleteAsync(cancellation);
        }
        await transaction.CommitAsync(cancellation);
    }

    /// <summary>FOR SHARE: a take waits for this transaction, so no append commits after a newer take.</summary>
    private static async Task CheckLeaseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, JournalLease mine, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            "SELECT epoch, owner, taken_ticks FROM journal_lease WHERE id = 1 FOR SHARE", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        if (!await reader.ReadAsync(cancellation))
        {
            throw new InvalidDataException("the journal's lease row is missing although this store took the journal");
        }
        var current = new JournalLease(reader.GetInt64(0), reader.GetString(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero));
        if (current.Epoch != mine.Epoch)
        {
            throw new JournalFencedException(mine, current);
        }
    }

    public async Task<bool> ContainsAsync(long position, CancellationToken cancellation = default)
    {
        await using var command = _source.CreateCommand("SELECT EXISTS (SELECT 1 FROM journal WHERE position = $1)");
        command.Parameters.AddWithValue(position);
        return (bool)(await command.ExecuteScalarAsync(cancellation))!;
    }

    public async IAsyncEnumerable<JournalRecord> ReadAsync(long afterPosition, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        await using var command = _source.CreateCommand(
            "SELECT position, kind, event_id, occurred_ticks, accepted_ticks, payload FROM journal WHERE position > $1 ORDER BY position");
        command.Parameters.AddWithValue(afterPosition);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            yield return new JournalRecord(
                reader.GetInt64(0),
                (JournalKind)reader.GetInt16(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                reader.GetFieldValue<byte[]>(5));
        }
    }

    public async IAsyncEnumerable<RecentEventId> ReadEventIdsAsync(DateTimeOffset occurredSince, long throughPosition = long.MaxValue,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        await using var command = _source.CreateCommand(
            "SELECT event_id, occurred_ticks FROM journal WHERE event_id IS NOT NULL AND occurred_ticks >= $1 AND position <= $2");
        command.Parameters.AddWithValue(occurredSince.UtcTicks);
        command.Parameters.AddWithValue(throughPosition);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            yield return new RecentEventId(reader.GetString(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero));
        }
    }

    public async Task<IReadOnlySet<(string Kind, string Key)>> WriteSnapshotsAsync(IReadOnlyList<GrainSnapshot> snapshots, CancellationToken cancellation = default)
    {
        var refused = new HashSet<(string Kind, string Key)>(snapshots.Select(s => (s.Kind, s.Key)));
        if (snapshots.Count == 0)
        {
            return refused;
        }
        await using var connection = await _source.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using var command = new NpgsqlCommand("""
            INSERT INTO snapshots (grain_kind, grain_key, version, position, state)
            SELECT DISTINCT ON (k, g) k, g, v, p, s
              FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::bytea[]) AS t(k, g, v, p, s)
             ORDER BY k, g, v DESC
            ON CONFLICT (grain_kind, grain_key) DO UPDATE
               SET version = excluded.version, position = excluded.position, state = excluded.state
             WHERE snapshots.version < excluded.version
            RETURNING grain_kind, grain_key
            """, connection, transaction);
        command.Parameters.AddWithValue(snapshots.Select(s => s.Kind).ToArray());
        command.Parameters.AddWithValue(snapshots.Select(s => s.Key).ToArray());
        command.Parameters.AddWithValue(snapshots.Select(s => s.Version).ToArray());
        command.Parameters.AddWithValue(snapshots.Select(s => s.Position).ToArray());
        command.Parameters.AddWithValue(snapshots.Select(s => s.State).ToArray());
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                refused.Remove((reader.GetString(0), reader.GetString(1)));
            }
        }
        await transaction.CommitAsync(cancellation);
        return refused;
    }

    public async IAsyncEnumerable<GrainSnapshot> ReadSnapshotsAsync([EnumeratorCancellation] CancellationToken cancellation = default)
    {
        await using var command = _source.CreateCommand("SELECT grain_kind, grain_key, version, position, state FROM snapshots");
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            yield return new GrainSnapshot(
                reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetFieldValue<byte[]>(4));
        }
    }

    public async Task<IReadOnlyList<GrainSnapshot>> ReadSnapshotsAsync(string kind, IReadOnlyList<string> keys, CancellationToken cancellation = default)
    {
        await using var command = _source.CreateCommand(
            "SELECT grain_key, version, position, state FROM snapshots WHERE grain_kind = $1 AND grain_key = ANY($2)");
        command.Parameters.AddWithValue(kind);
        command.Parameters.AddWithValue(keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var found = new List<GrainSnapshot>();
        while (await reader.ReadAsync(cancellation))
        {
            found.Add(new GrainSnapshot(kind, reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetFieldValue<byte[]>(3)));
        }
        return found;
    }

    public async Task DeleteSnapshotAsync(string kind, string key, CancellationToken cancellation = default)
    {
        await using var command = _source.CreateCommand("DELETE FROM snapshots WHERE grain_kind = $1 AND grain_key = $2");
        command.Parameters.AddWithValue(kind);
        command.Parameters.AddWithValue(key);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    public async Task<long> ReadWatermarkAsync(CancellationToken cancellation = default)
    {
        await using var command = _source.CreateCommand("SELECT coalesce(max(position), 0) FROM watermark");
        return (long)(await command.ExecuteScalarAsync(cancellation))!;
    }

    public async Task WriteWatermarkAsync(long position, CancellationToken cancellation = default)
    {
        await using var command = _source.CreateCommand("""
            INSERT INTO watermark (id, position) VALUES (1, $1)
            ON CONFLICT (id) DO UPDATE SET position = excluded.position WHERE watermark.position < excluded.position
            """);
        command.Parameters.AddWithValue(position);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    public async Task<long> PruneAsync(long throughPosition, DateTimeOffset occurredBefore, CancellationToken cancellation = default)
    {
        await using var command = _source.CreateCommand(
            "DELETE FROM journal WHERE position <= $1 AND occurred_ticks < $2");
        command.Parameters.AddWithValue(throughPosition);
        command.Parameters.AddWithValue(occurredBefore.UtcTicks);
        return await command.ExecuteNonQueryAsync(cancellation);
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
