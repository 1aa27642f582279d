namespace ZhijiangLive.Bench;

/// <summary>The command line: a command and a few numeric options.</summary>
public sealed record BenchOptions(string Command, int? Teachers, int Runs, int Days, int Seed, bool ByTeacher = false)
{
    public int Schools { get; init; } = 12_000;
    public int EventsPerTeacher { get; init; } = 5;
    public int Partitions { get; init; } = Environment.ProcessorCount;
    public int Calls { get; init; } = 200_000;
    public int Concurrency { get; init; } = 64;
    public int StreamEvents { get; init; } = 2_000_000;
    public int Streams { get; init; } = 4;
    public int InFlight { get; init; } = 8;
    public int Seconds { get; init; } = 20;
    public int WarmUp { get; init; } = 5;
    public int Events { get; init; } = 6_000_000;
    public int Tail { get; init; } = 60_000;
    public string? Connection { get; init; }
    public string? Only { get; init; }

    public const string Help = """
        Usage: dotnet run -c Release --project bench/ZhijiangLive.Bench -- <command> [options]

        Commands:
          scoring      Builds a realistic event mix (logins, profile updates, mobile ops, resource spreads,
                       reviews and deletions, teaching sessions, tasks and engagements, interactions, app use)
                       for --teachers teachers over --days simulated days, in acceptance order, some events
                       late within the 72 h grace — all before timing. Then, on one thread, applies them
                       through TeacherScorer into a fresh Dictionary<string, TeacherState>: one warm-up run,
                       then --runs timed runs. Prints events/s per run and min / median / max, with the
                       bytes allocated per event and GCs during the timed runs.
          state-size   Simulates a typical teacher's year (most school days logged in, a few mobile ops,
                       teaching sessions, a few tasks, interactions, app use, ~10 resources with a few
                       reviews and a few hundred spreads) for --teachers teachers, keeps the states alive,
                       and prints retained bytes per teacher (GC.GetTotalMemory(true) before / after), with
                       the resources' spreader sets and without them, and a breakdown of the rest.
          province     A whole province in one process (the 11 real cities and 90 counties, --schools schools,
                       --teachers teachers, default 600000): every teacher gets --events-per-teacher events of a
                       school day, published in batches of 500 through teacher grains with every aggregate and
                       ranking kept current. Prints events/s, the same events through a bare loop that applies
                       the engine to a Dictionary of states (and the ratio), memory with every grain active,
                       and the p50/p99 latency of top-100 province teacher ranking queries.
          grpc         The silo's gRPC endpoint in this process (in-memory store, --teachers teachers, default
                       10000): unary Publish of one distinct event by --concurrency concurrent calls (--calls
                       calls), PublishStream with batches of 500 over --streams streams (--stream-events
                       events), then one pre-encoded request sent --calls times by our client and by h2load
                       (Debian nghttp2-client) over one connection with --concurrency streams, and the ratio.
                       Prints calls/s, events/s and latency percentiles.
          durability   The silo journaling to PostgreSQL (fsync and synchronous_commit on): a private cluster made
                       for the run with the Debian postgresql binaries (as the postgres user when run as root),
                       or the server of --connection. 1: PublishStream with batches of 500 over --streams
                       streams, --in-flight batches in flight each, into a silo of 10000 teachers, --warm-up
                       seconds then --seconds measured: events/s, per-batch ack latency, the journal's appends
                       (rows per append, AppendAsync time) and where the CPU went; then the same load on the
                       in-memory store, the ceiling on this machine at the time. 2: the same rows by a bare
                       Npgsql binary COPY loop on one connection, in commits of the sizes the silo's appends had
                       and of 500 rows, and the ratios. 3: a province of --teachers teachers (default 600000) and
                       --events events of today written into a fresh journal; a silo started on it (seconds until
                       it listens, events replayed per second, memory, where the time went), then a snapshot
                       round of that silo, --tail more events, and a silo started on the snapshots and the tail,
                       as after a crash. Databases and the private cluster are removed at the end.
          help         This text (also --help, -h).

        Options:
          --teachers N   teachers simulated (default 10000; `province` and `durability` 600000)
          --runs N       timed runs of `scoring` after the warm-up (default 5, at least 3 is sensible)
          --days N       simulated days of the `scoring` mix (default 4)
          --seed N       seed of the generated activity (default 2018)
          --schools N    `province` only: schools (default 12000)
          --events-per-teacher N   `province` only: events per teacher (default 5)
          --partitions N `province` only: grain partitions (default: one per core)
          --calls N      `grpc` only: unary calls per phase (default 200000)
          --concurrency N `grpc` only: concurrent unary calls (default 64)
          --stream-events N `grpc` only: events sent over PublishStream (default 2000000)
          --streams N    `grpc`, `durability`: concurrent PublishStream calls (default 4)
          --in-flight N  `grpc`, `durability`: unanswered batches per stream (default 8)
          --seconds N    `durability` only: measured seconds of ingest, and the most each baseline runs (default 20)
          --warm-up N    `durability` only: seconds of ingest before the measured window (default 5)
          --events N     `durability` only: events in the journal of the restart (default 6000000)
          --tail N       `durability` only: events journaled after the snapshot round, replayed by the second
                         restart (default 60000, a busy minute; the silo takes snapshots every minute)
          --connection S `durability` only: an Npgsql connection string of a server to use instead of a private
                         cluster; the user must be allowed to create databases (they are dropped afterwards)
          --only ingest|restart  `durability` only: steps 1 and 2, or step 3 alone
          --by-teacher   `scoring` only: apply the same events grouped by teacher (acceptance order kept
                         within each teacher, so every teacher's scores are the same) to show how much of
                         the cost is cache misses on 10,000 interleaved states rather than computation

        Figures only: nothing is asserted. Targets: scoring >= 3,000,000 events/s on one thread;
        state-size <= 2 KB per teacher without spreader sets; province >= 1,000,000 events/s on 2 cores,
        grains/bare >= 0.5, memory <= 2 GB, top-100 query p99 <= 1 ms; grpc unary >= 20,000 calls/s,
        stream >= 300,000 events/s, ours/h2load >= 0.75; durability ingest >= 200,000 events/s, durable/baseline
        >= 0.7, restart to ready <= 30 s. Timings are noisy on a shared machine:
        run a few times and read the spread.
        """;

    public static BenchOptions Parse(string[] args, out string? error)
    {
        error = null;
        var options = new BenchOptions("help", null, 5, 4, 2018);
        var commandSeen = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--help" or "-h" or "help":
                    return options with { Command = "help" };
                case "--teachers" or "--runs" or "--days" or "--seed" or "--schools" or "--events-per-teacher" or "--partitions"
                    or "--calls" or "--concurrency" or "--stream-events" or "--streams" or "--in-flight" or "--seconds" or "--warm-up"
                    or "--events" or "--tail":
                    if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value) || value < 1)
                    {
                        error = $"{arg} needs a positive whole number";
                        return options;
                    }
                    i++;
                    options = arg switch
                    {
                        "--teachers" => options with { Teachers = value },
                        "--runs" => options with { Runs = value },
                        "--days" => options with { Days = value },
                        "--schools" => options with { Schools = value },
                        "--events-per-teacher" => options with { EventsPerTeacher = value },
                        "--partitions" => options with { Partitions = value },
                        "--calls" => options with { Calls = value },
                        "--concurrency" => options with { Concurrency = value },
                        "--stream-events" => options with { StreamEvents = value },
                        "--streams" => options with { Streams = value },
                        "--in-flight" => options with { InFlight = value },
                        "--seconds" => options with { Seconds = value },
                        "--warm-up" => options with { WarmUp = value },
                        "--events" => options with { Events = value },
                        "--tail" => options with { Tail = value },
                        _ => options with { Seed = value },
                    };
                    break;
                case "--connection":
                    if (i + 1 >= args.Length || args[i + 1].Length == 0)
                    {
                        error = "--connection needs an Npgsql connection string";
                        return options;
                    }
                    options = options with { Connection = args[++i] };
                    break;
                case "--only":
                    if (i + 1 >= args.Length || args[i + 1] is not ("ingest" or "restart"))
                    {
                        error = "--only needs ingest or restart";
                        return options;
                    }
                    options = options with { Only = args[++i] };
                    break;
                case "--by-teacher":
                    options = options with { ByTeacher = true };
                    break;
                case "scoring" or "state-size" or "province" or "grpc" or "durability" when !commandSeen:
                    options = options with { Command = arg };
                    commandSeen = true;
                    break;
                default:
                    error = $"unknown argument '{arg}'";
                    return options;
            }
        }
        return options;
    }
}
