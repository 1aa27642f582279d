using System.Runtime;

namespace ZhijiangLive.Bench.Durability;

/// <summary>
/// `durability`: what journaling every accepted event to PostgreSQL before acknowledging it costs. Ingest
/// through the silo (DurableIngest), the same rows by a bare COPY loop (CopyBaseline), and a restart on a
/// province's day of journal (RestartToReady), each in a database of its own on one server.
/// </summary>
internal static class DurabilityBenchmark
{
    public static async Task RunAsync(BenchOptions options)
    {
        Console.WriteLine($"durability: {Environment.ProcessorCount} cores, server GC {GCSettings.IsServerGC}");
        if (!GCSettings.IsServerGC)
        {
            Console.WriteLine("  the silo runs with server GC; set DOTNET_gcServer=1 for figures that match it");
        }
        await using var server = await ThrowawayPostgres.StartAsync(options.Connection);
        Console.WriteLine($"  PostgreSQL: {(server.IsPrivate ? "a private cluster for this run" : "--connection")}; {await server.SettingsAsync()}");
        var cpu = new CpuMeter(server.ServerProcessId);

        if (options.Only == "cluster")
        {
            await ClusterBenchmark.RunAsync(options, server, cpu);
            return;
        }
        if (options.Only != "restart")
        {
            await IngestAsync(options, server, cpu);
        }
        if (options.Only != "ingest")
        {
            Console.WriteLine($"3. restart to ready: {options.Teachers ?? 600_000:N0} teachers, {options.Events:N0} events in the journal");
            await RestartToReady.RunAsync(options, await server.CreateDatabaseAsync("restart"), cpu);
        }
        Console.WriteLine("Targets: durable ingest >= 200,000 events/s; durable/baseline >= 0.7; restart to ready <= 30 s. " +
            "Figures swing with what else runs: read the CPU lines.");
    }

    private static async Task IngestAsync(BenchOptions options, ThrowawayPostgres server, CpuMeter cpu)
    {
        Console.WriteLine("1. durable ingest");
        var ingest = await DurableIngest.RunAsync(options, await server.CreateDatabaseAsync("ingest"), cpu);
        var ceiling = await DurableIngest.RunAsync(options, connection: null, cpu);
        Console.WriteLine($"ratio durable/in-memory: {Ratio(ingest.EventsPerSecond, ceiling.EventsPerSecond)}");

        Console.WriteLine("2. baseline: the same rows by a bare COPY loop, one connection, one commit after another");
        var measured = ingest.MeasuredAppends;
        var mean = measured.Length == 0 ? 0 : measured.Average();
        var sized = await CopyBaseline.RunAsync(await server.CreateDatabaseAsync("sized"),
            $"commits of the silo's sizes (mean {mean:N0} rows)", ingest.WarmUpAppends, measured, options.Seconds, cpu);
        var fixedSize = await CopyBaseline.RunAsync(await server.CreateDatabaseAsync("fixed"), $"{DurableIngest.Batch} rows per commit",
            Commits(ingest.WarmUpAppends.Sum()), Commits(measured.Sum()), options.Seconds, cpu);
        Console.WriteLine($"ratio durable/baseline: {Ratio(ingest.EventsPerSecond, sized)} (commits of the silo's sizes), " +
            $"{Ratio(ingest.EventsPerSecond, fixedSize)} ({DurableIngest.Batch} rows per commit)");

    }

    private static int[] Commits(long rows) => Enumerable.Repeat(DurableIngest.Batch, (int)Math.Max(1, rows / DurableIngest.Batch)).ToArray();

    private static string Ratio(double durable, double baseline) => baseline > 0 ? $"{durable / baseline:0.00}" : "n/a";
}
