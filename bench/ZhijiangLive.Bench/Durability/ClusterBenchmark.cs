using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ZhijiangLive.Bench.Grpc;
using ZhijiangLive.Bench.Province;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Bench.Durability;

/// <summary>
/// `durability --only cluster`: durable PublishStream ingest into one silo process, then into two silo
/// processes of one cluster through both gateways (half the streams each), each on a database of its own;
/// then the silo that writes the journal is killed with SIGKILL, and the benchmark measures how long until a
/// batch for 500 teachers (some of them on the dead silo) is accepted through the survivor.
/// </summary>
internal static class ClusterBenchmark
{
    public static async Task RunAsync(BenchOptions options, ThrowawayPostgres server, CpuMeter cpu)
    {
        Console.WriteLine("1. durable ingest into one silo process, then into a cluster of two through both gateways");
        var one = await IngestAsync(options, await server.CreateDatabaseAsync("one"), silos: 1, cpu, failover: false);
        var two = await IngestAsync(options, await server.CreateDatabaseAsync("two"), silos: 2, cpu, failover: true);
        Console.WriteLine($"ratio two silos/one: {two / Math.Max(1, one):0.00}");
    }

    private static async Task<double> IngestAsync(BenchOptions options, string database, int silos, CpuMeter cpu, bool failover)
    {
        string[] settings = ["--Zhijiang:Store:Provider=postgres", $"--Zhijiang:Store:ConnectionString={database}",
            .. silos > 1 ? [$"--Zhijiang:Cluster:ConnectionString={database}"] : Array.Empty<string>(),
            .. options.SnapshotSeconds is { } seconds ? [$"--Zhijiang:Store:SnapshotInterval={TimeSpan.FromSeconds(seconds)}"] : Array.Empty<string>()];
        var processes = new List<BenchSiloProcess>();
        try
        {
            for (var s = 0; s < silos; s++)
            {
                processes.Add(await BenchSiloProcess.StartAsync(settings));
            }
            var clients = processes.Select(p => BenchCredentials.Client(p.GrpcAddress)).ToList();
            var province = ProvinceRoster.Generate(DurableIngest.Teachers / 50, DurableIngest.Teachers, options.Seed);
            await clients[^1].UpsertRosterAsync(GrpcTraffic.Roster(province));

            var window = new MeasuredWindow(options, province, $"c{silos}");
            var loads = clients.Select(c => new PublishStreamLoad(c, Math.Max(1, options.Streams / silos), options.InFlight)).ToList();
            var publishing = Task.WhenAll(loads.Select(l => l.RunAsync(window.Next, window.Counts)));
            var (cpuFrom, cpuTo) = await DurableIngest.SampleWindowAsync(cpu, window.From, window.To);
            await publishing;
            var accepted = loads.Sum(l => l.Accepted);
            var rate = accepted / (double)options.Seconds;
            Console.WriteLine($"{silos} silo{(silos > 1 ? "s" : "")}: {rate:N0} events/s durable ({accepted:N0} acknowledged in {options.Seconds} s); " +
                string.Join("; ", loads.Select((l, i) => $"gateway {i + 1}: {l.Accepted / (double)options.Seconds:N0} events/s, per batch {l.Latencies.Summary()}")));
            Console.WriteLine($"  {CpuMeter.Describe(cpuFrom, cpuTo)} (the silos are other processes: read busy and idle)");
            if (failover)
            {
                await FailoverAsync(processes, clients, province, Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)));
            }
            clients.ForEach(c => c.Dispose());
            return rate;
        }
        finally
        {
            processes.ForEach(p => p.Dispose());
        }
    }

    /// <summary>
    /// The first silo started holds the journal (the journal grain activates on the first silo that opens it).
    /// After SIGKILL: until membership votes it dead its calls fail, then the survivor takes the journal over.
    /// </summary>
    private static async Task FailoverAsync(List<BenchSiloProcess> processes, List<ZhijiangClient> clients, ProvinceRoster province, Timestamp at)
    {
        var batch = GrpcTraffic.Request("failover", province, 0, DurableIngest.Batch, at);
        var killedAt = Stopwatch.GetTimestamp();
        processes[0].Kill();
        var tries = 0;
        var refusals = new List<string>();
        StatusCode? lastRefusal = null;
        while (true)
        {
            tries++;
            try
            {
                var reply = await clients[1].PublishAsync(batch, new ZhijiangCallOptions { Timeout = TimeSpan.FromSeconds(5) });
                var took = Stopwatch.GetElapsedTime(killedAt);
                Console.WriteLine($"failover: the journal's silo killed (SIGKILL); a batch for {DurableIngest.Batch} teachers accepted through the other " +
                    $"after {took.TotalSeconds:0.0} s ({tries} tries; accepted {reply.Accepted}, duplicates {reply.Duplicates})");
                foreach (var (loggedAt, line) in processes[1].FailoverLines.Where(l => l.At > killedAt))
                {
                    Console.WriteLine($"  survivor at {Stopwatch.GetElapsedTime(killedAt, loggedAt).TotalSeconds:0.0} s: {line}");
                }
                refusals.ForEach(r => Console.WriteLine($"  {r}"));
                return;
            }
            catch (RpcException error) when (Stopwatch.GetElapsedTime(killedAt) < TimeSpan.FromSeconds(120))
            {
                // Each new kind of refusal, when it began: how long the calls hung, and what the survivor said while recovering.
                if (error.StatusCode != lastRefusal)
                {
                    lastRefusal = error.StatusCode;
                    refusals.Add($"from {Stopwatch.GetElapsedTime(killedAt).TotalSeconds:0.0} s, try {tries}: {error.StatusCode} ({error.Status.Detail})");
                }
                await Task.Delay(100);
            }
        }
    }
}
