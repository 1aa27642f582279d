using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using ZhijiangLive.Storage.Schema;

namespace ZhijiangLive.Storage.Sqlite;

/// <summary>
/// The embedded default: one SQLite file in WAL mode with synchronous=FULL. SQLite has one writer at a
/// time anyway, so the store keeps one connection and takes turns on it; a journal batch is one
/// transaction of prepared inserts.
/// </summary>
public sealed class SqliteStore : IDurableStore
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private JournalLease? _lease;

    public SqliteStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _connection = new SqliteConnection(builder.ToString());
    }

    public string Path { get; }

    public string Name => "sqlite";

    public Task InitializeAsync(CancellationToken cancellation = default) => WithTurn(async () =>
    {
        if (_connection.State != System.Data.ConnectionState.Open)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await _connection.OpenAsync(cancellation);
            await Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;", cancellation);
        }
        await Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_ticks INTEGER NOT NULL)", cancellation);
        foreach (var (version, sql) in SchemaScripts.For("Sqlite"))
        {
            using var transaction = _connection.BeginTransaction();
            using var check = Command("SELECT count(*) FROM schema_version WHERE version = $v", transaction, ("$v", version));
            if ((long)(await check.ExecuteScalarAsync(cancellation))! > 0)
            {
                continue;
            }
            using (var apply = Command(sql, transaction))
            {
                await apply.ExecuteNonQueryAsync(cancellation);
            }
            using (var record = Command("INSERT INTO schema_version (version, applied_ticks) VALUES ($v, $t)", transaction,
                ("$v", version), ("$t", DateTimeOffset.UtcNow.UtcTicks)))
            {
                await record.ExecuteNonQueryAsync(cancellation);
            }
            transaction.Commit();
        }
    });

    public Task PingAsync(CancellationToken cancellation = default) => WithTurn(async () =>
    {
        using var command = Command("SELECT position FROM watermark LIMIT 1");
        await command.ExecuteScalarAsync(cancellation);
    });

    public Task<long> LastPositionAsync(CancellationToken cancellation = default) => WithTurn(async () =>
    {
        using var command = Command(
            "SELECT max((SELECT coalesce(max(position), 0) FROM journal), (SELECT coalesce(max(position), 0) FROM watermark))");
        return (long)(await command.ExecuteScalarAsync(cancellation))!;
    });

    public Task<JournalLease> TakeJournalAsync(string owner, CancellationToken cancellation = default) => WithTurn(async () =>
    {
        var takenAt = DateTimeOffset.UtcNow;
        using var command = Command("""
            INSERT INTO journal_lease (id, epoch, owner, taken_ticks) VALUES (1, 1, $owner, $ticks)
            ON CONFLICT (id) DO UPDATE SET epoch = journal_lease.epoch + 1, owner = excluded.owner, taken_ticks = excluded.taken_ticks
            RETURNING epoch
            """, null, ("$owner", owner), ("$ticks", takenAt.UtcTicks));
        _lease = new JournalLease((long)(await command.ExecuteScalarAsync(cancellation))!, owner, takenAt);
        return _lease;
    });

    public Task AppendAsync(IReadOnlyList<JournalRecord> records, CancellationToken cancellation = default) => WithTurn(() =>
    {
        if (records.Count == 0)
        {
            return Task.CompletedTask;
        }
        // IMMEDIATE: the lease is read under the write lock, so no take slips in between the check and the inserts.
        using var transaction = _connection.BeginTransaction(deferred: false);
        if (_lease is { } mine)
        {
            CheckLease(transaction, mine);
        }
        using var insert = Command(
            "INSERT INTO journal (position, kind, event_id, occurred_ticks, accepted_ticks, payload) VALUES ($p, $k, $e, $o, $a, $b)",
            transaction);
        var position = insert.Parameters.Add("$p", SqliteType.Integer);
        var kind = insert.Parameters.Add("$k", SqliteType.Integer);
        var eventId = insert.Parameters.Add("$e", SqliteType.Text);
        var occurred = insert.Parameters.Add("$o", SqliteType.Integer);
        var accepted = insert.Parameters.Add("$a", SqliteType.Integer);
        var payload = insert.Parameters.Add("$b", SqliteType.Blob);
        insert.Prepare();
        foreach (var record in records)
        {
            cancellation.ThrowIfCancellationRequested();
            position.Value = record.Position;
            kind.Value = (short)record.Kind;
            eventId.Value = (object?)record.EventId ?? DBNull.Value;
            occurred.Value = record.OccurredAt.UtcTicks;
            accepted.Value = record.AcceptedAt.UtcTicks;
            payload.Value = record.Payload;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        return Task.CompletedTask;
    });

    private void CheckLease(SqliteTransaction transaction, JournalLease mine)
    {
        using var command = Command("SELECT epoch, owner, taken_ticks FROM journal_lease WHERE id = 1", transaction);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidDataException("the journal's lease row is missing although this store took the journal");
        }
        var current = new JournalLease(reader.GetInt64(0), reader.GetString(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero));
        if (current.Epoch != mine.Epoch)
        {
            throw new JournalFencedException(mine, current);
        }
    }

    public Task<bool> ContainsAsync(long position, CancellationToken cancellation = default) => WithTurn(async () =>
    {
        using var command = Command("SELECT EXISTS (SELECT 1 FROM journal WHERE position = $p)", null, ("$p", position));
        return (long)(await command.ExecuteScalarAsync(cancellation))! == 1;
    });

    public IAsyncEnumerable<JournalRecord> ReadAsync(long afterPosition, CancellationToken cancellation = default) =>
        Pages("SELECT position, kind, event_id, occurred_ticks, accepted_ticks, payload FROM journal WHERE position > $after ORDER BY position LIMIT $limit",
            reader => (reader.GetInt64(0), new JournalRecord(
                reader.GetInt64(0),
                (JournalKind)reader.GetInt16(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                (byte[])reader.GetValue(5))),
            afterPosition, cancellation);

    public async IAsyncEnumerable<RecentEventId> ReadEventIdsAsync(DateTimeOffset occurredSince, long throughPosition = long.MaxValue,
        [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        var pages = Pages(
            "SELECT position, event_id, occurred_ticks FROM journal WHERE position > $after AND event_id IS NOT NULL ORDER BY position LIMIT $limit",
            reader => (reader.GetInt64(0), (Position: reader.GetInt64(0), Id: new RecentEventId(reader.GetString(1), new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero)))),
            0, cancellation);
        await foreach (var (position, id) in pages)
        {
            if (position > throughPosition)
            {
                yield break;
            }
            if (id.OccurredAt >= occurredSince)
            {
                yield return id;
            }
        }
    }

    public Task<IReadOnlySet<(string Kind, string Key)>> WriteSnapshotsAsync(IReadOnlyList<GrainSnapshot> snapshots, CancellationToken cancellation = default) =>
        WithTurn<IReadOnlySet<(string Kind, string Key)>>(() =>
        {
            using var transaction = _connection.BeginTransaction();
            using var upsert = Command("""
                INSERT INTO snapshots (grain_kind, grain_key, version, position, state) VALUES ($k, $key, $v, $p, $s)
                ON CONFLICT (grain_kind, grain_key) DO UPDATE
                   SET version = excluded.version, position = excluded.position, state = excluded.state
                 WHERE snapshots.version < excluded.version
                """, transaction);
            var kind = upsert.Parameters.Add("$k", SqliteType.Text);
            var key = upsert.Parameters.Add("$key", SqliteType.Text);
            var version = upsert.Parameters.Add("$v", SqliteType.Integer);
            var position = upsert.Parameters.Add("$p", SqliteType.Integer);
            var state = upsert.Parameters.Add("$s", SqliteType.Blob);
            var written = new HashSet<(string, string)>();
            var refused = new HashSet<(string, string)>();
            // Highest version first, so that a grain twice in one batch keeps its higher one.
            foreach (var snapshot in snapshots.OrderByDescending(s => s.Version))
            {
                cancellation.ThrowIfCancellationRequested();
                (kind.Value, key.Value, version.Value, position.Value, state.Value) =
                    (snapshot.Kind, snapshot.Key, snapshot.Version, snapshot.Position, snapshot.State);
                if (upsert.ExecuteNonQuery() > 0)
                {
                    written.Add((snapshot.Kind, snapshot.Key));
                }
                else
                {
                    refused.Add((snapshot.Kind, snapshot.Key));
                }
            }
            transaction.Commit();
            refused.ExceptWith(written);
            return Task.FromResult<IReadOnlySet<(string Kind, string Key)>>(refused);
        });

    public IAsyncEnumerable<GrainSnapshot> ReadSnapshotsAsync(CancellationToken cancellation = default) =>
        Pages("SELECT rowid, grain_kind, grain_key, version, position, state FROM snapshots WHERE rowid > $after ORDER BY rowid LIMIT $limit",
            reader => (reader.GetInt64(0), new GrainSnapshot(
                reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), (byte[])reader.GetValue(5))),
            0, cancellation);

    public Task<IReadOnlyList<GrainSnapshot>> ReadSnapshotsAsync(string kind, IReadOnlyList<string> keys, CancellationToken cancellation = default) =>
        WithTurn<IReadOnlyList<GrainSnapshot>>(() =>
        {
            using var command = Command("SELECT version, position, state FROM snapshots WHERE grain_kind = $k AND grain_key = $key");
            command.Parameters.AddWithValue("$k", kind);
            var key = command.Parameters.Add("$key", SqliteType.Text);
            var found = new List<GrainSnapshot>();
            foreach (var each in keys)
            {
                cancellation.ThrowIfCancellationRequested();
                key.Value = each;
                using var reader = command.ExecuteReader();
                if (reader.Read())
                {
                    found.Add(new GrainSnapshot(kind, each, reader.GetInt64(0), reader.GetInt64(1), (byte[])reader.GetValue(2)));
                }
            }
            return Task.FromResult<IReadOnlyList<GrainSnapshot>>(found);
        });

    public Task DeleteSnapshotAsync(string kind, string key, CancellationToken cancellation = default) => WithTurn(async () =>
    {
        using var command = Command("DELETE FROM snapshots WHERE grain_kind = $k AND grain_key = $key", null, ("$k", kind), ("$key", key));
        await command.ExecuteNonQueryAsync(cancellation);
    });

    public Task<long> ReadWatermarkAsync(CancellationToken cancellation = default) => WithTurn(async () =>
    {
        using var command = Command("SELECT coalesce(max(position), 0) FROM watermark");
        return (long)(await command.ExecuteScalarAsync(cancellation))!;
    });

    public Task WriteWatermarkAsync(long position, CancellationToken cancellation = default) => WithTurn(async () =>
    {
        using var command = Command("""
            INSERT INTO watermark (id, position) VALUES (1, $p)
            ON CONFLICT (id) DO UPDATE SET position = excluded.position WHERE watermark.position < excluded.position
            """, null, ("$p", position));
        await command.ExecuteNonQueryAsync(cancellation);
    });

    public Task<long> PruneAsync(long throughPosition, DateTimeOffset occurredBefore, CancellationToken cancellation = default) => WithTurn(async () =>
    {
        using var command = Command("DELETE FROM journal WHERE position <= $p AND occurred_ticks < $o", null,
            ("$p", throughPosition), ("$o", occurredBefore.UtcTicks));
        return (long)await command.ExecuteNonQueryAsync(cancellation);
    });

    public async ValueTask DisposeAsync()
    {
        await _turn.WaitAsync();
        try
        {
            await _connection.DisposeAsync();
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>
    /// Reads a result a page at a time, each page under one turn: a reader left open across the caller's
    /// awaits would hold the connection for as long as the caller pleases, and a whole journal in one list
    /// would hold all of it in memory. <paramref name="read"/> gives each row's key, from which the next page starts.
    /// </summary>
    private async IAsyncEnumerable<T> Pages<T>(string sql, Func<SqliteDataReader, (long Key, T Row)> read, long after,
        [EnumeratorCancellation] CancellationToken cancellation)
    {
        const int PageSize = 20_000;
        while (true)
        {
            var page = await WithTurn(async () =>
            {
                using var command = Command(sql, null, ("$after", after), ("$limit", PageSize));
                using var reader = await command.ExecuteReaderAsync(cancellation);
                var rows = new List<(long Key, T Row)>(PageSize);
                while (await reader.ReadAsync(cancellation))
                {
                    rows.Add(read(reader));
                }
                return rows;
            });
            foreach (var (_, row) in page)
            {
                yield return row;
            }
            if (page.Count < PageSize)
            {
                yield break;
            }
            after = page[^1].Key;
        }
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    private async Task Execute(string sql, CancellationToken cancellation)
    {
        using var command = Command(sql);
        await command.ExecuteNonQueryAsync(cancellation);
    }

    private async Task<T> WithTurn<T>(Func<Task<T>> work)
    {
        await _turn.WaitAsync();
        try
        {
            return await work();
        }
        finally
        {
            _turn.Release();
        }
    }

    private Task WithTurn(Func<Task> work) => WithTurn(async () =>
    {
        await work();
        return true;
    });
}
