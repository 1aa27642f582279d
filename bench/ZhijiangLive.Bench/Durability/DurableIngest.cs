using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using ZhijiangLive.Bench.Grpc;
using ZhijiangLive.Bench.Province;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Silo.Grpc;

namespace ZhijiangLive.Bench.Durability;

/// <summary>
/// Step 1: PublishStream with batches of 500 into a silo that journals to PostgreSQL before it answers,
/// as the grpc benchmark drives it, for a warm-up and then a measured window; then the same load into the
/// in-memory store, the silo's ceiling on this machine at this moment. Requests are built as they are
/// sent, so the run is bounded by time rather than by what fits in memory.
/// </summary>
internal static class DurableIngest
{
    public const int Batch = 500;
    public const int Teachers = 10_000;

    /// <summary>The appends the silo made: before the measured window (warm-up) and inside it.</summary>
    public sealed record Outcome(int[] WarmUpAppends, int[] MeasuredAppends, double EventsPerSecond);

    /// <summary>Publishes into a silo on <paramref name="connection"/>, or on the in-memory store when it is null.</summary>
    public static async Task<Outcome> RunAsync(BenchOptions options, string? connection, CpuMeter cpu)
    {
        var (silo, store) = JournaledSilo.Build(connection);
        await using var running = silo;
        await silo.StartAsync();
        var province = ProvinceRoster.Generate(Teachers / 50, Teachers, options.Seed);
        using var client = BenchCredentials.Client(silo.Services.GetRequiredService<GrpcEndpoint>().Address);
        var roster = await client.UpsertRosterAsync(GrpcTraffic.Roster(province));
        Console.WriteLine($"  roster: {roster.Teachers:N0} teachers; {options.Streams} streams, {options.InFlight} batches of {Batch} in flight each; " +
            $"warm-up {options.WarmUp} s, then {options.Seconds} s measured");

        var window = new MeasuredWindow(options, province, "d");
        var (measuredFrom, measuredTo) = (window.From, window.To);
        var load = new PublishStreamLoad(client, options.Streams, options.InFlight);
        var publishing = load.RunAsync(window.Next, window.Counts);
        var (cpuFrom, cpuTo) = await SampleWindowAsync(cpu, measuredFrom, measuredTo);
        await publishing;

        var appends = store.AppendsBetween(measuredFrom, measuredTo);
        var rate = load.Accepted / (double)options.Seconds;
        Console.WriteLine($"{(connection is null ? "in-memory store" : "durable ingest (PostgreSQL journal)")}: {rate:N0} events/s ({load.Accepted:N0} events acknowledged in {options.Seconds} s; " +
            $"per batch of {Batch} {load.Latencies.Summary()})");
        Describe(appends, options.Seconds);
        Console.WriteLine($"  {CpuMeter.Describe(cpuFrom, cpuTo)}");
        var warmUp = store.AppendsBetween(0, measuredFrom).Select(a => a.Rows).ToArray();
        await silo.StopAsync();
        return new Outcome(warmUp, appends.Select(a => a.Rows).ToArray(), rate);
    }

    /// <summary>CPU samples at the start and the end of the measured window.</summary>
    public static async Task<(CpuMeter.Sample From, CpuMeter.Sample To)> SampleWindowAsync(CpuMeter cpu, long from, long to)
    {
        await Task.Delay(Until(from));
        var first = cpu.Take();
        await Task.Delay(Until(to));
        return (first, cpu.Take());

        static TimeSpan Until(long at) => TimeSpan.FromTicks(Math.Max(0, Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), at).Ticks));
    }

    /// <summary>How the journal spent the window: commits, their sizes and durations, and how busy it was.</summary>
    private static void Describe(CountingStore.Append[] appends, int seconds)
    {
        if (appends.Length == 0)
        {
            Console.WriteLine("  journal: no append committed in the measured window");
            return;
        }
        var rows = appends.Select(a => a.Rows).Order().ToArray();
        var millis = appends.Select(a => Stopwatch.GetElapsedTime(0, a.Ticks).TotalMilliseconds).Order().ToArray();
        Console.WriteLine($"  journal: {appends.Length:N0} appends ({appends.Length / (double)seconds:N1}/s), rows per append mean {rows.Average():N0} " +
            $"(p50 {rows[rows.Length / 2]:N0}, max {rows[^1]:N0}); AppendAsync p50 {millis[millis.Length / 2]:0.0} ms, " +
            $"p99 {millis[Math.Min(millis.Length - 1, millis.Length * 99 / 100)]:0.0} ms; in AppendAsync {millis.Sum() / 10 / seconds:0}% of the time");
    }
}
