// ZhijiangLive.Bench — figures for the scoring engine, printed, never asserted.
//
//   scoring     ScoringBenchmark: a pre-built event mix applied on one thread (EventMix builds it)
//   state-size  StateSizeBenchmark: retained bytes per teacher after a simulated year (YearSimulation)
//   province    ProvinceBenchmark: a whole province through the grains, against a bare loop
//   grpc        GrpcBenchmark: the silo's gRPC endpoint, unary and streaming, against h2load
//   durability  DurabilityBenchmark: ingest journaled to PostgreSQL, a bare COPY loop, restart on a day of journal
//
// Options are parsed by BenchOptions; --help prints them.

using ZhijiangLive.Bench;
using ZhijiangLive.Bench.Durability;
using ZhijiangLive.Bench.Grpc;
using ZhijiangLive.Bench.Province;

var options = BenchOptions.Parse(args, out var error);
if (error is not null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine();
    Console.Error.WriteLine(BenchOptions.Help);
    return 2;
}

switch (options.Command)
{
    case "scoring":
        ScoringBenchmark.Run(options);
        return 0;
    case "state-size":
        StateSizeBenchmark.Run(options);
        return 0;
    case "province":
        await ProvinceBenchmark.RunAsync(options.Schools, options.Teachers ?? 600_000, options.EventsPerTeacher, options.Partitions);
        return 0;
    case "grpc":
        await GrpcBenchmark.RunAsync(options);
        return 0;
    case "durability":
        await DurabilityBenchmark.RunAsync(options);
        return 0;
    default:
        Console.WriteLine(BenchOptions.Help);
        return options.Command == "help" ? 0 : 2;
}
