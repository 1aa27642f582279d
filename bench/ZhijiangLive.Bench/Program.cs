// ZhijiangLive.Bench — figures for the scoring engine, printed, never asserted.
//
//   scoring     ScoringBenchmark: a pre-built event mix applied on one thread (EventMix builds it)
//   state-size  StateSizeBenchmark: retained bytes per teacher after a simulated year (YearSimulation)
//   province    ProvinceBenchmark: a whole province through the grains, against a bare loop
//   rankings    RankingUpdatesBenchmark: a region's three teacher rankings kept current report by report, three boards against one of three
//   kept-days   KeptDaysBenchmark: a province with weeks of history: heap per teacher, rankings of past days and months
//   teacher-calls  TeacherCallsBenchmark: teacher grains on Orleans, one call per teacher, beside the null grain's awaited and one-way rates
//   grpc        GrpcBenchmark: the silo's gRPC endpoint, unary and streaming, against h2load
//   durability  DurabilityBenchmark: ingest journaled to PostgreSQL, a bare COPY loop, restart on a day of journal
//
// Options are read by BenchCommandLine (System.CommandLine); --help prints them.

using ZhijiangLive.Bench;
using ZhijiangLive.Bench.Durability;
using ZhijiangLive.Bench.Grpc;
using ZhijiangLive.Bench.Province;
using ZhijiangLive.Bench.TeacherCalls;
using ZhijiangLive.Silo.Commands;

return await CommandLineRun.InvokeAsync(CommandLineRun.Parse(BenchCommandLine.Create(RunAsync), args), Console.Out, Console.Error);

static async Task RunAsync(string benchmark, BenchOptions options)
{
    switch (benchmark)
    {
        case "scoring":
            ScoringBenchmark.Run(options);
            break;
        case "state-size":
            StateSizeBenchmark.Run(options);
            break;
        case "province":
            await ProvinceBenchmark.RunAsync(options.Schools, options.Teachers ?? 600_000, options.EventsPerTeacher, options.ByTeacher, options.BatchesInFlight);
            break;
        case "rankings":
            RankingUpdatesBenchmark.Run(options.Teachers ?? 600_000, options.Seed);
            break;
        case "kept-days":
            await KeptDaysBenchmark.RunAsync(options.Schools, options.Teachers ?? 600_000, options.HistoryDays, options.ActivePercent, options.Seed);
            break;
        case "teacher-calls":
            await TeacherCallsBenchmark.RunAsync(options.Teachers ?? 100_000, options.EventsPerTeacher);
            break;
        case "grpc":
            await GrpcBenchmark.RunAsync(options);
            break;
        case "durability":
            await DurabilityBenchmark.RunAsync(options);
            break;
    }
}
