using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Npgsql;
using NpgsqlTypes;
using ZhijiangLive.Bench.Grpc;
using ZhijiangLive.Silo.Durability;
using ZhijiangLive.Storage.Postgres;

namespace ZhijiangLive.Bench.Durability;

/// <summary>
/// Step 2: what the journal could take without the silo. The rows of step 1 (the same event generator,
/// so the same payload sizes and columns) go into a fresh database with the same schema
/// (PostgresStore.InitializeAsync), by a bare binary COPY loop on one connection, one commit after
/// another, in commits of the sizes the silo's appends had.
/// </summary>
internal static class CopyBaseline
{
    private const string Copy = "COPY journal (position, kind, event_id, occurred_ticks, accepted_ticks, payload) FROM STDIN (FORMAT BINARY)";

    private readonly record struct Row(string EventId, long OccurredTicks, byte[] Payload);

    /// <summary>Commits <paramref name="warmUp"/> untimed, then <paramref name="measured"/> for at most <paramref name="seconds"/>; returns rows/s.</summary>
    public static async Task<double> RunAsync(string connection, string label, int[] warmUp, int[] measured, int seconds, CpuMeter cpu)
    {
        await using (var store = new PostgresStore(connection))
        {
            await store.InitializeAsync();
        }
        var rows = Rows(100_000);
        var acceptedTicks = DateTimeOffset.UtcNow.UtcTicks;
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        var position = 0L;
        var deadline = Stopwatch.GetTimestamp() + seconds * Stopwatch.Frequency;
        foreach (var size in warmUp)
        {
            if (Stopwatch.GetTimestamp() > deadline) break;
            position = await CommitAsync(db, rows, position, size, acceptedTicks);
        }

        var commits = new List<double>(measured.Length);
        var first = position;
        var cpuFrom = cpu.Take();
        var clock = Stopwatch.StartNew();
        deadline = Stopwatch.GetTimestamp() + seconds * Stopwatch.Frequency;
        foreach (var size in measured)
        {
            if (Stopwatch.GetTimestamp() > deadline) break;
            var start = Stopwatch.GetTimestamp();
            position = await CommitAsync(db, rows, position, size, acceptedTicks);
            commits.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuTo = cpu.Take();
        if (commits.Count == 0)
        {
            Console.WriteLine($"bare COPY, {label}: no commits to repeat");
            return 0;
        }
        var rate = (position - first) / elapsed;
        commits.Sort();
        Console.WriteLine($"bare COPY, {label}: {rate:N0} rows/s ({position - first:N0} rows in {commits.Count:N0} commits, " +
            $"{commits.Count / elapsed:N1} commits/s, {elapsed:0.0} s; commit p50 {commits[commits.Count / 2]:0.0} ms, " +
            $"p99 {commits[Math.Min(commits.Count - 1, commits.Count * 99 / 100)]:0.0} ms)");
        Console.WriteLine($"  {CpuMeter.Describe(cpuFrom, cpuTo)}");
        return rate;
    }

    /// <summary>One transaction of <paramref name="size"/> rows, exactly as PostgresStore.AppendAsync writes them.</summary>
    private static async Task<long> CommitAsync(NpgsqlConnection db, Row[] rows, long position, int size, long acceptedTicks)
    {
        await using var transaction = await db.BeginTransactionAsync();
        await using (var copy = await db.BeginBinaryImportAsync(Copy))
        {
            for (var i = 0; i < size; i++)
            {
                var row = rows[(position + i) % rows.Length];
                await copy.StartRowAsync();
                await copy.WriteAsync(position + i + 1, NpgsqlDbType.Bigint);
                await copy.WriteAsync((short)1, NpgsqlDbType.Smallint);
                await copy.WriteAsync(row.EventId, NpgsqlDbType.Text);
                await copy.WriteAsync(row.OccurredTicks, NpgsqlDbType.Bigint);
                await copy.WriteAsync(acceptedTicks, NpgsqlDbType.Bigint);
                await copy.WriteAsync(row.Payload, NpgsqlDbType.Bytea);
            }
            await copy.CompleteAsync();
        }
        await transaction.CommitAsync();
        return position + size;
    }

    /// <summary>Events numbered as the bulk of step 1's were (seven-digit ids), so payloads have the same sizes.</summary>
    private static Row[] Rows(int count)
    {
        var occurred = DateTimeOffset.UtcNow.AddMinutes(-1);
        var at = Timestamp.FromDateTimeOffset(occurred);
        var province = Province.ProvinceRoster.Generate(DurableIngest.Teachers / 50, DurableIngest.Teachers, seed: 2018);
        return Enumerable.Range(1_000_000, count).Select(n =>
        {
            var wire = GrpcTraffic.Event($"d-{n}", province.Teachers[n % province.Teachers.Count].Id, at, n);
            return new Row(wire.EventId, occurred.UtcTicks, JournalPayloads.Event(wire));
        }).ToArray();
    }
}
