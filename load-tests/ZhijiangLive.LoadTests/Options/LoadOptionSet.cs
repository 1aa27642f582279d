using System.CommandLine;
using static ZhijiangLive.LoadTests.Options.OptionValues;

namespace ZhijiangLive.LoadTests.Options;

/// <summary>
/// Every option of the tool, typed, with the defaults of <see cref="LoadOptions"/> in its help; the run and
/// <c>bench</c> each take theirs, and what was given is read over those defaults.
/// </summary>
internal sealed class LoadOptionSet
{
    private static readonly LoadOptions Defaults = new();

    // The province: the run's and bench's.
    private readonly Option<double> _scale = Double("--scale", 0.00001, 10, "share of a full province: 1 = ~12,000 schools, ~600,000 teachers (default 1)");
    private readonly Option<int> _seed = Int("--seed", 0, int.MaxValue, $"the same seed gives the same roster and traffic (default {Defaults.Seed})");
    private readonly Option<bool> _skipRoster = new("--skip-roster") { Description = "do not upload the roster (it is on the server already, same scale and seed)" };
    private readonly Option<int> _rosterChunk = Int("--roster-chunk", 1, 100_000, $"teachers per Roster.Upsert call (default {Defaults.RosterChunk})");

    private readonly Option<(PaceKind Kind, double FlatRate)> _rate = Rate("--rate", "curve: a school day's curve (default); N: a flat N events/s; max: as fast as answered");
    private readonly Option<double> _speedup = Double("--speedup", 0.001, 100_000, $"with curve: simulated seconds per real second (default {Defaults.Speedup})");
    private readonly Option<TimeOnly> _start = TimeOfDay("--start", "with curve: the simulated time of day the run starts at (default 06:30)");
    private readonly Option<int> _eventsPerTeacher = Int("--events-per-teacher", 1, 10_000, $"with curve: events a teacher makes in a school day (default {Defaults.EventsPerTeacher})");
    private readonly Option<TimeSpan> _duration = Duration("--duration", "how long traffic runs: 90, 30s, 2m, 1h (default 2m)");
    private readonly Option<double> _badShare = Double("--bad-share", 0, 0.5,
        $"share of deliberate bad input: unknown teachers, out-of-window times, repeated event ids; each must come back rejected or a duplicate (default {Defaults.BadShare})");
    private readonly Option<DateTimeOffset> _now = Instant("--now", "the server's clock at the start, if it is not this machine's (e.g. 2026-03-02T10:00:00+08:00); event times follow it");

    private readonly Option<Uri> _target = Url("--target", $"the silo's gRPC address (default {Defaults.Target.OriginalString})");
    private readonly Option<string> _apiKey = NonEmpty("--api-key", "KEY", "platform key, sent as 'authorization: Bearer KEY' on every call");
    private readonly Option<TransportMode> _mode = Choice("--mode", "unary Publish calls or one PublishStream per connection (default stream)",
        ("unary", TransportMode.Unary), ("stream", TransportMode.Stream));
    private readonly Option<int> _connections = Int("--connections", 1, 1024, $"HTTP/2 connections (default {Defaults.Connections})");
    private readonly Option<int> _inFlight = Int("--in-flight", 1, 1024, $"requests in flight per connection (default {Defaults.InFlight})");
    private readonly Option<int> _batch = Int("--batch", 1, 10_000, $"events per request (default {Defaults.Batch})");
    private readonly Option<TimeSpan> _timeout = Duration("--timeout", "deadline of one call (default 10s)");
    private readonly Option<int> _retries = Int("--retries", 0, 100,
        $"resends of an unacknowledged request, same event ids, on UNAVAILABLE, DEADLINE_EXCEEDED or a transport error, with backoff (default {Defaults.Retries})");

    private readonly Option<Uri> _http = Url("--http", "the silo's HTTP address: its hub for push latency, its /metrics for the totals");
    private readonly Option<string> _token = NonEmpty("--token", "TOKEN", "bureau token for the hub (sent as access_token); needs --http");
    private readonly Option<string> _watchRegion = NonEmpty("--watch-region", "ID", "region whose pushes are timed (default: the county of the marker teacher)");
    private readonly Option<double> _marksPerSecond = Double("--marks-per-second", 0, 100,
        $"marked events a second whose pushes are timed (default {Defaults.MarksPerSecond}; 0 turns it off)");

    private readonly Option<string> _out = NonEmpty("--out", "DIR", "where report.md and the charts go (default load-report/<UTC timestamp>)");
    private readonly Option<bool> _quiet = new("--quiet") { Description = "no progress line" };

    private readonly Option<int> _requests = Int("--requests", 1, int.MaxValue, $"calls each client makes (default {Defaults.BenchRequests})");
    private readonly Option<int> _streams = Int("--streams", 1, 10_000, $"concurrent calls on one connection, for both clients (default {Defaults.BenchStreams})");

    public void AddRunOptions(Command command)
    {
        Option[] options = [_scale, _seed, _skipRoster, _rosterChunk, _rate, _speedup, _start, _eventsPerTeacher, _duration, _badShare, _now,
            _target, _apiKey, _mode, _connections, _inFlight, _batch, _timeout, _retries, _http, _token, _watchRegion, _marksPerSecond, _out, _quiet];
        foreach (var option in options) command.Options.Add(option);
        command.Validators.Add(result =>
        {
            if (result.GetResult(_token) is not null && result.GetResult(_http) is null)
            {
                result.AddError("--token is for the hub, which needs --http (the silo's HTTP address)");
            }
        });
    }

    public void AddBenchOptions(Command command)
    {
        Option[] options = [_requests, _streams, _target, _apiKey, _scale, _seed, _skipRoster, _rosterChunk, _now, _quiet];
        foreach (var option in options) command.Options.Add(option);
    }

    public LoadOptions Read(ParseResult parsed)
    {
        // Without a default of their own, absent options read as LoadOptions' defaults; those without one are null.
        T Or<T>(Option<T> option, T fallback) => parsed.GetResult(option) is null ? fallback : parsed.GetValue(option)!;
        var (pace, flatRate) = Or(_rate, (Defaults.Pace, Defaults.FlatRate));
        return new LoadOptions
        {
            Target = Or(_target, Defaults.Target),
            Http = parsed.GetValue(_http),
            ApiKey = parsed.GetValue(_apiKey),
            Token = parsed.GetValue(_token),
            Mode = Or(_mode, Defaults.Mode),
            Connections = Or(_connections, Defaults.Connections),
            InFlight = Or(_inFlight, Defaults.InFlight),
            Batch = Or(_batch, Defaults.Batch),
            Duration = Or(_duration, Defaults.Duration),
            Pace = pace,
            FlatRate = flatRate,
            Speedup = Or(_speedup, Defaults.Speedup),
            Start = Or(_start, Defaults.Start),
            EventsPerTeacher = Or(_eventsPerTeacher, Defaults.EventsPerTeacher),
            Scale = Or(_scale, Defaults.Scale),
            Seed = Or(_seed, Defaults.Seed),
            BadShare = Or(_badShare, Defaults.BadShare),
            Now = parsed.GetResult(_now) is null ? Defaults.Now : parsed.GetValue(_now),
            Out = parsed.GetValue(_out),
            SkipRoster = Or(_skipRoster, Defaults.SkipRoster),
            RosterChunk = Or(_rosterChunk, Defaults.RosterChunk),
            Retries = Or(_retries, Defaults.Retries),
            CallTimeout = Or(_timeout, Defaults.CallTimeout),
            WatchRegion = parsed.GetValue(_watchRegion),
            MarksPerSecond = Or(_marksPerSecond, Defaults.MarksPerSecond),
            Quiet = Or(_quiet, Defaults.Quiet),
            BenchRequests = Or(_requests, Defaults.BenchRequests),
            BenchStreams = Or(_streams, Defaults.BenchStreams),
        };
    }
}
