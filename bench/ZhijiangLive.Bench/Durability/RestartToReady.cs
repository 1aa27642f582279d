using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ZhijiangLive.Bench.Province;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Silo.Durability;
using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Storage;
using ZhijiangLive.Storage.Postgres;
using ActivityEvent = ZhijiangLive.Scoring.Events.ActivityEvent;

namespace ZhijiangLive.Bench.Durability;

/// <summary>
/// Step 3: a province's day in the journal, then silos started on it, each timed from SiloApplication.Build
/// until StartAsync returns (the silo listens only once JournalRecovery is done): first from the journal
/// alone; then, after a snapshot round of that silo and a tail of events journaled after it, from the
/// snapshots and the tail, as after a crash. Prints where the time went and memory after.
/// </summary>
internal static class RestartToReady
{
    private static readonly TimeSpan s_startLimit = TimeSpan.FromMinutes(15);

    public static async Task RunAsync(BenchOptions options, string connection, CpuMeter cpu)
    {
        var teachers = options.Teachers ?? 600_000;
        var provinceId = await WriteDayAsync(options, teachers, connection);

        await FromJournalAloneAsync(connection, provinceId, cpu);
        await using (var writer = new PostgresStore(connection))
        {
            var province = ProvinceRoster.Generate(Math.Max(1, teachers / 50), teachers, options.Seed);
            await JournalSeeder.WriteTailAsync(writer, province, options.Events, options.Tail, options.Seed);
        }
        await FromSnapshotsAsync(connection, provinceId, options.Tail, cpu);
        await ReadAloneAsync(connection);
    }

    // Each start has a method of its own: an async method keeps its locals until it returns, and a silo
    // kept alive that way would count in the next one's memory.
    private static async Task FromJournalAloneAsync(string connection, string provinceId, CpuMeter cpu)
    {
        Console.WriteLine("3a. restart from the journal alone");
        var (silo, store) = await StartTimedAsync(connection, "journal alone", cpu);
        await using var running = silo;
        await DescribeAsync(silo, provinceId);
        var clock = Stopwatch.StartNew();
        var cut = await silo.Services.GetRequiredService<SnapshotWriter>().RoundAsync();
        Console.WriteLine($"  snapshot round (SnapshotWriter.RoundAsync) in {clock.Elapsed.TotalSeconds:0.0} s, watermark {cut:N0}; " +
            $"snapshots {await TableMiBAsync(connection, "snapshots"):N0} MiB on disk");
        await silo.StopAsync();
    }

    private static async Task FromSnapshotsAsync(string connection, string provinceId, int tail, CpuMeter cpu)
    {
        Console.WriteLine($"3b. restart from those snapshots and {tail:N0} events journaled after them (accepted in the last minute)");
        var (silo, _) = await StartTimedAsync(connection, "snapshots and tail", cpu);
        await using var running = silo;
        await DescribeAsync(silo, provinceId);
        await ColdStartAsync(silo.Services.GetRequiredService<ZhijiangCluster>());
        await silo.StopAsync();
    }

    /// <summary>
    /// After a restart most teachers are asleep: one event for every teacher on the roster, in random order,
    /// through the grains (batches of 500, 64 in flight), activations included.
    /// </summary>
    private static async Task ColdStartAsync(ZhijiangCluster cluster)
    {
        var asleep = cluster.Services.Active.Teachers;
        var ids = cluster.Roster.Teachers.Select(t => t.Id).ToArray();
        new Random(11).Shuffle(ids);
        var at = DateTimeOffset.UtcNow;
        var events = ids.Select((id, i) => new ActivityEvent($"cold-{i}", id, at, ClientKind.Mobile, new MobileOperation("message"))).ToArray();
        var pending = new Queue<Task<PublishResult>>();
        var clock = Stopwatch.StartNew();
        foreach (var batch in events.Chunk(500))
        {
            pending.Enqueue(cluster.PublishAsync(batch, at));
            if (pending.Count >= 64)
            {
                await pending.Dequeue();
            }
        }
        while (pending.Count > 0)
        {
            await pending.Dequeue();
        }
        await cluster.FlushAsync();
        Console.WriteLine($"  cold start: one event for each of {ids.Length:N0} teachers ({ids.Length - asleep:N0} of them asleep) in " +
            $"{clock.Elapsed.TotalSeconds:0.0} s: {ids.Length / clock.Elapsed.TotalSeconds:N0} events/s, activations included; " +
            $"{cluster.Services.Active.Teachers:N0} teachers active after");
    }

    /// <summary>Writes the journal; the roster it was made from is not kept, so it does not count as the silo's memory.</summary>
    private static async Task<string> WriteDayAsync(BenchOptions options, int teachers, string connection)
    {
        var province = ProvinceRoster.Generate(Math.Max(1, teachers / 50), teachers, options.Seed);
        await using var writer = new PostgresStore(connection);
        await writer.InitializeAsync();
        await JournalSeeder.WriteDayAsync(writer, province, options.Events, options.Seed);
        var snapshots = await writer.ReadSnapshotsAsync().CountAsync();
        Console.WriteLine($"  journal {await TableMiBAsync(connection, "journal"):N0} MiB on disk; {snapshots} snapshots, " +
            $"watermark {await writer.ReadWatermarkAsync()}");
        return province.ProvinceId;
    }

    private static async Task<(WebApplication Silo, CountingStore Store)> StartTimedAsync(string connection, string label, CpuMeter cpu)
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var (cpuFrom, start) = (cpu.Take(), Stopwatch.GetTimestamp());
        var (silo, store) = JournaledSilo.Build(connection,
            "--Logging:LogLevel:ZhijiangLive.Silo.Durability=Information");
        using var limit = new CancellationTokenSource(s_startLimit);
        var starting = silo.StartAsync(limit.Token);
        while (await Task.WhenAny(starting, Task.Delay(TimeSpan.FromSeconds(5))) != starting)
        {
            Console.WriteLine($"  starting: {store.Snapshots.Items:N0} snapshots, {store.EventIds.Items:N0} event ids, " +
                $"{store.Journal.Items:N0} journal records read after {Stopwatch.GetElapsedTime(start).TotalSeconds:0} s");
        }
        await starting;
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var cpuTo = cpu.Take();

        Console.WriteLine($"restart to ready, {label}: {seconds:0.0} s from Build to listening (managed heap before Build {heapBefore / 1048576.0:N0} MiB)");
        Console.WriteLine($"  read from the store: {store.Snapshots.Items:N0} snapshots ({store.Snapshots.Time.TotalSeconds:0.0} s inside the reader), " +
            $"{store.EventIds.Items:N0} recent event ids ({store.EventIds.Time.TotalSeconds:0.0} s), " +
            $"{store.Journal.Items:N0} journal records ({store.Journal.Time.TotalSeconds:0.0} s)");
        if (store.FirstEventReadAt != 0)
        {
            var untilEvents = Stopwatch.GetElapsedTime(start, store.FirstEventReadAt).TotalSeconds;
            Console.WriteLine($"  {untilEvents:0.0} s until the journal's first event was read, then {seconds - untilEvents:0.0} s " +
                $"for {store.EventsRead:N0} events: {store.EventsRead / Math.Max(0.001, seconds - untilEvents):N0} events/s replayed");
        }
        Console.WriteLine($"  {CpuMeter.Describe(cpuFrom, cpuTo)}");
        return (silo, store);
    }

    private static async Task DescribeAsync(WebApplication silo, string provinceId)
    {
        var cluster = silo.Services.GetRequiredService<ZhijiangCluster>();
        var figures = await cluster.GetRegionAsync(provinceId);
        Console.WriteLine($"  province: {figures?.Teachers:N0} teachers counted, today {figures?.Day.Total:N0} points, " +
            $"{figures?.Day.Active:N0} active spaces; {cluster.Services.Active.Total:N0} active grains");
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"  memory when ready: managed heap {heap / 1048576.0:N0} MiB, working set {process.WorkingSet64 / 1048576.0:N0} MiB");
    }

    /// <summary>What replay costs before the grains: reading the journal and decoding its events, on one thread.</summary>
    private static async Task ReadAloneAsync(string connection)
    {
        await using var store = new PostgresStore(connection);
        var clock = Stopwatch.StartNew();
        var records = 0L;
        await foreach (var record in store.ReadAsync(0))
        {
            if (record.Kind == JournalKind.Event)
            {
                JournalPayloads.ToEvent(record);
            }
            records++;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"the whole journal read and its events decoded, no grains (PostgresStore.ReadAsync, JournalPayloads.ToEvent): " +
            $"{records:N0} records, {records / seconds:N0} records/s, {seconds:0.0} s");
    }

    private static async Task<double> TableMiBAsync(string connection, string table)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT pg_total_relation_size('{table}')", db);
        return (long)(await command.ExecuteScalarAsync())! / 1048576.0;
    }
}
