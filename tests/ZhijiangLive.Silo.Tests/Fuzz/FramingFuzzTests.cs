using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using ZhijiangLive.Contracts.V1;
using Grpc.Core;
using ZhijiangLive.Silo.Grpc;
using ZhijiangLive.Silo.Tests.Fuzz.Http2;
using ZhijiangLive.Silo.Tests.Grpc;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Fuzz;

/// <summary>Tests that measure the process's memory, and so run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(MeasuresMemory), DisableParallelization = true)]
public sealed class MeasuresMemory;

/// <summary>
/// A seeded fuzz of the gRPC framing: thousands of requests with broken prefixes, bodies, header values and
/// frame splits each get an allowed answer (<see cref="FuzzVerdict"/>); afterwards no call is left running,
/// the silo still serves, and its live heap has not grown with the requests.
/// </summary>
[Collection(nameof(MeasuresMemory))]
public sealed class FramingFuzzTests(ITestOutputHelper output) : SeededSilo("--Zhijiang:Grpc:MaxMessageSize=65536")
{
    private const int Seed = 2026;
    private const int Workers = 6;
    private const int CasesPerWorkerAndRound = 100;
    private const int MeasuredRounds = 4;

    // Legitimate growth over the measured rounds is what the accepted events leave behind (their ids in the
    // duplicates window, the memory store's journal, a ledger capped per teacher): about a thousand events,
    // well under 1 MiB. A leak of anything a request owns (its stream, its context, a timer) is kilobytes a
    // request, 2,400 requests: tens of MiB.
    private const long HeapGrowthBound = 2 * 1024 * 1024;

    [Fact]
    public async Task SeededFuzz_GetsOnlyAllowedAnswers_AndLeavesTheSiloServingWithAStableHeap()
    {
        var fuzz = new FuzzRunner(Silo.GrpcAddress);
        using var errors = new ErrorLogCounter("ZhijiangLive");
        Silo.Services.GetRequiredService<ILoggerFactory>().AddProvider(errors);
        var clock = Stopwatch.StartNew();

        // Two rounds to warm up: pools, JIT, the grains of the few teachers.
        await fuzz.RoundAsync(Seed, Workers, CasesPerWorkerAndRound);
        await fuzz.RoundAsync(Seed + 1, Workers, CasesPerWorkerAndRound);
        var warm = await LiveHeapAsync();
        for (var round = 2; round < 2 + MeasuredRounds; round++)
        {
            await fuzz.RoundAsync(Seed + round, Workers, CasesPerWorkerAndRound);
        }
        var after = await LiveHeapAsync();

        output.WriteLine($"{fuzz.Requests} requests in {clock.Elapsed.TotalSeconds:0.0} s; live heap {Mib(warm)} after warming up, {Mib(after)} after {MeasuredRounds} more rounds");
        foreach (var (label, count) in fuzz.Tally.OrderByDescending(t => t.Value))
        {
            output.WriteLine($"  {count,6}  {label}");
        }
        Assert.True(fuzz.Failures.IsEmpty, string.Join("\n", fuzz.Failures.Take(10)));
        Assert.True(errors.Errors.Count == 0, $"{errors.Errors.Count} errors logged, e.g. {errors.Errors.FirstOrDefault()}");
        Assert.Equal(0, Silo.Services.GetRequiredService<GrpcGate>().ActiveCalls);
        await using (var connection = await RawHttp2Connection.ConnectAsync(Silo.GrpcAddress))
        {
            // On the second key: the fuzz may have used up the first key's rate.
            var headers = GrpcOverRawHttp2.Headers(Silo.GrpcAddress, Publish).WithKey(TestCredentials.SecondPlatformKey);
            var reply = await connection.CallAsync(headers, RawGrpc.Frame(Batch(Login("after-fuzz"))));
            Assert.Equal(StatusCode.OK, reply.Status);
            Assert.Equal(1, Assert.Single(reply.Messages(PublishReply.Parser)).Accepted);
        }
        Assert.True(after - warm < HeapGrowthBound, $"the live heap grew by {Mib(after - warm)}");
    }

    /// <summary>The live managed heap once calls that clients reset have wound down and a full collection has run.</summary>
    private async Task<long> LiveHeapAsync()
    {
        var dispatcher = Silo.Services.GetRequiredService<GrpcGate>();
        var waited = Stopwatch.StartNew();
        // A reset call's handler notices it on its own time; there is no event for the last one ending.
        while (dispatcher.ActiveCalls > 0 && waited.Elapsed < GrpcOverRawHttp2.ResponseTimeout)
        {
            await Task.Delay(20);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Mib(long bytes) => $"{bytes / 1048576.0:0.00} MiB";
}
