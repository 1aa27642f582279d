using static ZhijiangLive.LoadTests.Options.OptionValues;

namespace ZhijiangLive.LoadTests.Options;

/// <summary>What the tool was asked to do.</summary>
public enum Command { Run, Bench, Help }

/// <summary>
/// Reads <c>[bench] --name value</c> or <c>--name=value</c> arguments into <see cref="LoadOptions"/>. An unknown
/// option, a missing value, a bad value or an option that contradicts another is a <see cref="UsageException"/>.
/// </summary>
public static class CommandLine
{
    private static readonly HashSet<string> Flags = ["--help", "-h", "--skip-roster", "--quiet"];

    private static readonly HashSet<string> ValueOptions =
    [
        "--target", "--http", "--api-key", "--token", "--mode", "--connections", "--in-flight", "--batch", "--duration", "--rate",
        "--speedup", "--start", "--events-per-teacher", "--scale", "--seed", "--bad-share", "--now", "--out", "--roster-chunk",
        "--retries", "--timeout", "--watch-region", "--marks-per-second", "--requests", "--streams",
    ];

    public static (Command Command, LoadOptions Options) Parse(IReadOnlyList<string> args)
    {
        var command = Command.Run;
        var options = new LoadOptions();
        var i = 0;
        if (args.Count > 0 && args[0] == "bench")
        {
            command = Command.Bench;
            i = 1;
        }
        for (; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-'))
            {
                throw new UsageException($"unexpected argument '{arg}' (the only subcommand is 'bench', and it comes first)");
            }
            var eq = arg.IndexOf('=');
            var name = eq > 0 ? arg[..eq] : arg;
            if (Flags.Contains(name))
            {
                if (name is "--help" or "-h") return (Command.Help, options);
                options = name == "--quiet" ? options with { Quiet = true } : options with { SkipRoster = true };
                continue;
            }
            if (!ValueOptions.Contains(name)) throw new UsageException($"unknown option {name}");
            string value;
            if (eq > 0) value = arg[(eq + 1)..];
            else if (i + 1 < args.Count) value = args[++i];
            else throw new UsageException($"{name} needs a value");
            options = Apply(options, name, value);
        }
        if (options.Token is not null && options.Http is null)
        {
            throw new UsageException("--token is for the hub, which needs --http (the silo's HTTP address)");
        }
        return (command, options);
    }

    private static LoadOptions Apply(LoadOptions o, string name, string value) => name switch
    {
        "--target" => o with { Target = Url(name, value) },
        "--http" => o with { Http = Url(name, value) },
        "--api-key" => o with { ApiKey = NonEmpty(name, value) },
        "--token" => o with { Token = NonEmpty(name, value) },
        "--mode" => o with { Mode = Choice(name, value, ("unary", TransportMode.Unary), ("stream", TransportMode.Stream)) },
        "--connections" => o with { Connections = Int(name, value, 1, 1024) },
        "--in-flight" => o with { InFlight = Int(name, value, 1, 1024) },
        "--batch" => o with { Batch = Int(name, value, 1, 10_000) },
        "--duration" => o with { Duration = Duration(name, value) },
        "--rate" => Rate(o, value),
        "--speedup" => o with { Speedup = Double(name, value, 0.001, 100_000) },
        "--start" => o with { Start = TimeOfDay(name, value) },
        "--events-per-teacher" => o with { EventsPerTeacher = Int(name, value, 1, 10_000) },
        "--scale" => o with { Scale = Double(name, value, 0.00001, 10) },
        "--seed" => o with { Seed = Int(name, value, 0) },
        "--bad-share" => o with { BadShare = Double(name, value, 0, 0.5) },
        "--now" => o with { Now = Instant(name, value) },
        "--out" => o with { Out = NonEmpty(name, value) },
        "--roster-chunk" => o with { RosterChunk = Int(name, value, 1, 100_000) },
        "--retries" => o with { Retries = Int(name, value, 0, 100) },
        "--timeout" => o with { CallTimeout = Duration(name, value) },
        "--watch-region" => o with { WatchRegion = NonEmpty(name, value) },
        "--marks-per-second" => o with { MarksPerSecond = Double(name, value, 0, 100) },
        "--requests" => o with { BenchRequests = Int(name, value, 1) },
        "--streams" => o with { BenchStreams = Int(name, value, 1, 10_000) },
        _ => throw new UsageException($"unknown option {name}"),
    };

    private static LoadOptions Rate(LoadOptions o, string value) => value.ToLowerInvariant() switch
    {
        "max" => o with { Pace = PaceKind.Max },
        "curve" => o with { Pace = PaceKind.Curve },
        _ => o with { Pace = PaceKind.Flat, FlatRate = Double("--rate", value, 1) },
    };

    private static string NonEmpty(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException($"{name} must not be empty") : value;
}
