using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ZhijiangLive.Bench.Province;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using V1 = ZhijiangLive.Contracts.V1;
using ZhijiangLive.Silo;
using ZhijiangLive.Silo.Grpc;
using ZhijiangLive.LoadTests.Bench;
using ZhijiangLive.LoadTests.Measure;

namespace ZhijiangLive.Bench.Grpc;

/// <summary>
/// The silo's gRPC endpoint under load, in one process with its in-memory store: unary Publish of one
/// event (calls/s), PublishStream with batches of 500 (events/s), and our client against h2load on the
/// same pre-encoded request (the ratio).
/// </summary>
internal static class GrpcBenchmark
{
    public static async Task RunAsync(BenchOptions options)
    {
        var teachers = options.Teachers ?? 10_000;
        Console.WriteLine($"grpc: {teachers:N0} teachers, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        if (!System.Runtime.GCSettings.IsServerGC)
        {
            Console.WriteLine("  the silo runs with server GC; set DOTNET_gcServer=1 for figures that match it");
        }
        await using var silo = await StartSiloAsync();
        var target = silo.Services.GetRequiredService<GrpcEndpoint>().Address;
        var province = ProvinceRoster.Generate(Math.Max(1, teachers / 50), teachers, options.Seed);
        using var client = BenchCredentials.Client(target);
        var roster = await client.UpsertRosterAsync(GrpcTraffic.Roster(province));
        Console.WriteLine($"  roster: {roster.Regions} regions, {roster.Schools} schools, {roster.Teachers} teachers at {target}");

        await UnaryAsync(client, province, options.Calls / 10, options.Concurrency, "warm-up"); // JIT and connections, not reported
        await UnaryAsync(client, province, options.Calls, options.Concurrency);
        await StreamAsync(client, province, options.StreamEvents, options.Streams, options.InFlight);
        await RatioAsync(target, options.Calls, options.Concurrency);
        Console.WriteLine("Targets: unary >= 20,000 calls/s; stream >= 300,000 events/s; ours/h2load >= 0.75 (unary).");
    }

    private static async Task<WebApplication> StartSiloAsync()
    {
        // The in-memory store: this benchmark measures the endpoint; `durability` measures the journal.
        var silo = SiloApplication.Build(
            ["--urls", "http://127.0.0.1:0", "--Zhijiang:Grpc:Url=http://127.0.0.1:0", "--Zhijiang:Store:Provider=memory",
             "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.AspNetCore.StaticFiles=Error", .. BenchCredentials.SiloSettings]);
        await silo.StartAsync();
        return silo;
    }

    private static async Task UnaryAsync(ZhijiangClient client, ProvinceRoster province, int calls, int concurrency, string? warmUp = null)
    {
        var requests = GrpcTraffic.Requests(warmUp ?? "u", province, calls, batchSize: 1);
        var latencies = new LatencyHistogram();
        var next = -1;
        long accepted = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests.Length)
            {
                var start = Stopwatch.GetTimestamp();
                var reply = await client.PublishAsync(requests[i]);
                latencies.Record(Stopwatch.GetElapsedTime(start));
                Interlocked.Add(ref accepted, reply.Accepted);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        if (warmUp is not null) return;
        Console.WriteLine($"unary Publish, 1 event, {concurrency} concurrent calls: {calls / seconds:N0} calls/s " +
            $"({calls:N0} calls in {seconds:0.0} s, {accepted:N0} accepted; {latencies.Summary()})");
    }

    private static async Task StreamAsync(ZhijiangClient client, ProvinceRoster province, int events, int streams, int inFlight)
    {
        const int batch = 500;
        var requests = GrpcTraffic.Requests("s", province, events / batch, batch);
        var load = new PublishStreamLoad(client, streams, inFlight);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await load.RunAsync(() => Interlocked.Increment(ref next) is var i && i < requests.Length ? requests[i] : null);
        var seconds = clock.Elapsed.TotalSeconds;
        var sent = requests.Length * batch;
        Console.WriteLine($"PublishStream, batches of {batch}, {streams} streams, {inFlight} batches in flight each: {sent / seconds:N0} events/s " +
            $"({sent:N0} events in {seconds:0.0} s, {load.Accepted:N0} accepted; per batch {load.Latencies.Summary()})");
    }

    /// <summary>Our client against h2load on one pre-encoded request (the load tester's <see cref="ClientRatio"/>).</summary>
    private static async Task RatioAsync(Uri target, int calls, int concurrency)
    {
        var figures = await ClientRatio.MeasureAsync(target, [BenchCredentials.Authorization], "T000000", DateTimeOffset.UtcNow, calls, concurrency, Console.Out);
        Console.WriteLine($"same pre-encoded request, 1 connection, {concurrency} streams: ours {figures.Ours:N0} calls/s, " +
            (figures.Ratio is { } ratio ? $"h2load {figures.H2Load:N0} calls/s, ratio {ratio:0.00}" : "no h2load figure"));
    }
}
