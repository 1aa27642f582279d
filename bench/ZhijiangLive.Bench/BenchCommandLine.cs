using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace ZhijiangLive.Bench;

/// <summary>
/// The bench's command line on System.CommandLine: one command per benchmark, each with the options it
/// reads; with none, the help.
/// </summary>
public static class BenchCommandLine
{
    private static readonly BenchOptions Defaults = new();

    private const string Description = """
        Figures for the scoring engine, printed, never asserted. Targets: scoring >= 3,000,000 events/s on one thread;
        state-size <= 2 KB per teacher without spreader sets; province >= 1,000,000 events/s on 2 cores, grains/bare >= 0.5,
        memory <= 2 GB, top-100 query p99 <= 1 ms; kept-days top-100 p99 <= 5 ms for a past day, <= 1 ms today; grpc unary >= 20,000 calls/s, stream >= 300,000 events/s,
        ours/h2load >= 0.75; durability ingest >= 200,000 events/s, durable/baseline >= 0.7, restart to ready <= 30 s.
        Timings are noisy on a shared machine: run a few times and read the spread.
        """;

    /// <summary>An option and how its value, when given, changes the options.</summary>
    private sealed record Setting(Option Option, Func<BenchOptions, ParseResult, BenchOptions> Apply);

    /// <param name="run">runs the named benchmark with its options</param>
    public static RootCommand Create(Func<string, BenchOptions, Task> run)
    {
        var seed = Count("--seed", $"seed of the generated activity (default {Defaults.Seed})", (o, v) => o with { Seed = v });
        var streams = Count("--streams", $"concurrent PublishStream calls (default {Defaults.Streams})", (o, v) => o with { Streams = v });
        var inFlight = Count("--in-flight", $"unanswered batches per stream (default {Defaults.InFlight})", (o, v) => o with { InFlight = v });
        var root = new RootCommand(Description)
        {
            Benchmark("scoring", BenchDescriptions.Scoring, run,
                Teachers(10_000),
                Count("--runs", $"timed runs after the warm-up (default {Defaults.Runs}, at least 3 is sensible)", (o, v) => o with { Runs = v }),
                Count("--days", $"simulated days of the mix (default {Defaults.Days})", (o, v) => o with { Days = v }),
                seed,
                Flag("--by-teacher", "apply the same events grouped by teacher (acceptance order kept within each teacher, so every teacher's " +
                    "scores are the same) to show how much of the cost is cache misses on 10,000 interleaved states rather than computation",
                    o => o with { ByTeacher = true })),
            Benchmark("state-size", BenchDescriptions.StateSize, run, Teachers(10_000), seed),
            Benchmark("province", BenchDescriptions.Province, run,
                Teachers(600_000),
                Count("--schools", $"schools (default {Defaults.Schools})", (o, v) => o with { Schools = v }),
                Count("--events-per-teacher", $"events per teacher (default {Defaults.EventsPerTeacher})", (o, v) => o with { EventsPerTeacher = v }),
                Count("--in-flight", $"unanswered batches of 500 events (default {Defaults.BatchesInFlight})", (o, v) => o with { BatchesInFlight = v }),
                Flag("--by-teacher", "publish each teacher's events together (teachers in random order), as a platform that uploads a " +
                    "teacher's session at once, so a batch holds one call per teacher for several events; by default every event " +
                    "is shuffled and a batch calls one teacher per event", o => o with { ByTeacher = true })),
            Benchmark("rankings", BenchDescriptions.Rankings, run, Teachers(600_000), seed),
            Benchmark("kept-days", BenchDescriptions.KeptDays, run,
                Teachers(600_000),
                Count("--schools", $"schools (default {Defaults.Schools})", (o, v) => o with { Schools = v }),
                Count("--days", $"days of activity, ending today (default {Defaults.HistoryDays}, the rule pack's dayHistoryDays)", (o, v) => o with { HistoryDays = v }),
                Count("--active-percent", $"share of teachers active on a day, in percent (default {Defaults.ActivePercent})", (o, v) => o with { ActivePercent = v }),
                seed),
            Benchmark("teacher-calls", BenchDescriptions.TeacherCalls, run,
                Teachers(100_000),
                Count("--events-per-teacher", $"events in each teacher's call (default {Defaults.EventsPerTeacher})", (o, v) => o with { EventsPerTeacher = v })),
            Benchmark("grpc", BenchDescriptions.Grpc, run,
                Teachers(10_000),
                seed,
                Count("--calls", $"unary calls per phase (default {Defaults.Calls})", (o, v) => o with { Calls = v }),
                Count("--concurrency", $"concurrent unary calls (default {Defaults.Concurrency})", (o, v) => o with { Concurrency = v }),
                Count("--stream-events", $"events sent over PublishStream (default {Defaults.StreamEvents})", (o, v) => o with { StreamEvents = v }),
                streams, inFlight),
            Benchmark("durability", BenchDescriptions.Durability, run,
                Teachers(600_000),
                seed, streams, inFlight,
                Count("--seconds", $"measured seconds of ingest, and the most each baseline runs (default {Defaults.Seconds})", (o, v) => o with { Seconds = v }),
                Count("--warm-up", $"seconds of ingest before the measured window (default {Defaults.WarmUp})", (o, v) => o with { WarmUp = v }),
                Count("--events", $"events in the journal of the restart (default {Defaults.Events})", (o, v) => o with { Events = v }),
                Count("--tail", $"events journaled after the snapshot round, replayed by the second restart (default {Defaults.Tail}, " +
                    "a busy minute; the silo takes snapshots every minute)", (o, v) => o with { Tail = v }),
                Connection(),
                Only(),
                Count("--snapshot-seconds", "with --only cluster: the silos' snapshot interval in seconds (default the silo's, 60); " +
                    "a failover replays the journal since the last round", (o, v) => o with { SnapshotSeconds = v })),
        };
        var help = (SynchronousCommandLineAction)root.Options.OfType<HelpOption>().Single().Action!;
        root.SetAction(help.Invoke);
        return root;
    }

    private static Command Benchmark(string name, string description, Func<string, BenchOptions, Task> run, params Setting[] settings)
    {
        var command = new Command(name, description);
        foreach (var setting in settings)
        {
            command.Options.Add(setting.Option);
        }
        command.SetAction(async parsed =>
        {
            await run(name, settings.Aggregate(new BenchOptions(), (options, setting) => setting.Apply(options, parsed)));
            return 0;
        });
        return command;
    }

    private static Setting Teachers(int fallback) =>
        Count("--teachers", $"teachers simulated (default {fallback})", (o, v) => o with { Teachers = v });

    private static Setting Count(string name, string description, Func<BenchOptions, int, BenchOptions> set)
    {
        var option = new Option<int>(name)
        {
            Description = description,
            HelpName = "N",
            CustomParser = result =>
            {
                if (int.TryParse(result.Tokens.Single().Value, out var value) && value >= 1) return value;
                result.AddError($"{name} needs a positive whole number, not '{result.Tokens.Single().Value}'");
                return 0;
            },
        };
        return new Setting(option, (o, parsed) => parsed.GetResult(option) is null ? o : set(o, parsed.GetValue(option)));
    }

    private static Setting Flag(string name, string description, Func<BenchOptions, BenchOptions> set)
    {
        var option = new Option<bool>(name) { Description = description };
        return new Setting(option, (o, parsed) => parsed.GetValue(option) ? set(o) : o);
    }

    private static Setting Connection()
    {
        var option = new Option<string>("--connection")
        {
            Description = "an Npgsql connection string of a server to use instead of a private cluster; the user must be allowed " +
                "to create databases (they are dropped afterwards)",
            HelpName = "S",
        };
        option.Validators.Add(result =>
        {
            if (string.IsNullOrEmpty(result.GetValueOrDefault<string>())) result.AddError("--connection needs an Npgsql connection string");
        });
        return new Setting(option, (o, parsed) => o with { Connection = parsed.GetValue(option) });
    }

    private static Setting Only()
    {
        var option = new Option<string>("--only") { Description = "steps 1 and 2 (ingest), step 3 alone (restart), or a cluster of two silo processes (cluster)" };
        option.AcceptOnlyFromAmong("ingest", "restart", "cluster");
        return new Setting(option, (o, parsed) => o with { Only = parsed.GetValue(option) });
    }
}
