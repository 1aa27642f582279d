namespace ZhijiangLive.LoadTests.Options;

/// <summary>What <c>--help</c> prints: every option with its default.</summary>
public static class HelpText
{
    public const string Text = """
        ZhijiangLive load tester: a generated Zhejiang and its school-day traffic against a running silo.

        usage: ZhijiangLive.LoadTests [options]          a load run, then report.md and charts
               ZhijiangLive.LoadTests bench [options]    this tool's client against h2load, same endpoint

        The province
          --scale X               share of a full province: 1 = ~12,000 schools, ~600,000 teachers (default 1)
          --seed N                the same seed gives the same roster and traffic (default 1)
          --skip-roster           do not upload the roster (it is on the server already, same scale and seed)
          --roster-chunk N        teachers per Roster.Upsert call (default 10000)

        The traffic
          --rate curve|N|max      curve: a school day's curve (default); N: a flat N events/s; max: as fast as answered
          --speedup X             with curve: simulated seconds per real second (default 60)
          --start HH:MM           with curve: the simulated time of day the run starts at (default 06:30)
          --events-per-teacher N  with curve: events a teacher makes in a school day (default 40)
          --duration T            how long traffic runs: 90, 30s, 2m, 1h (default 2m)
          --bad-share X           share of deliberate bad input: unknown teachers, out-of-window times,
                                  repeated event ids; each must come back rejected or a duplicate (default 0.005)
          --now INSTANT           the server's clock at the start, if it is not this machine's
                                  (e.g. 2026-03-02T10:00:00+08:00); event times follow it

        The transport
          --target URL            the silo's gRPC address (default http://localhost:5081)
          --api-key KEY           platform key, sent as 'authorization: Bearer KEY' on every call
          --mode unary|stream     unary Publish calls or one PublishStream per connection (default stream)
          --connections N         HTTP/2 connections (default 4)
          --in-flight N           requests in flight per connection (default 8)
          --batch N               events per request (default 200)
          --timeout T             deadline of one call (default 10s)
          --retries N             resends of an unacknowledged request, same event ids, on UNAVAILABLE,
                                  DEADLINE_EXCEEDED or a transport error, with backoff (default 5)

        The dashboard and the server's counters
          --http URL              the silo's HTTP address: its hub for push latency, its /metrics for the totals
          --token TOKEN           bureau token for the hub (sent as access_token); needs --http
          --watch-region ID       region whose pushes are timed (default: the county of the marker teacher)
          --marks-per-second X    marked events a second whose pushes are timed (default 2; 0 turns it off)

        The report
          --out DIR               where report.md and the charts go (default load-report/<UTC timestamp>)
          --quiet                 no progress line

        bench
          --requests N            calls each client makes (default 200000)
          --streams N             concurrent calls on one connection, for both clients (default 64)
          also --target, --api-key, --scale, --seed, --skip-roster, --now

        Exit codes: 0 ok; 1 bad input accepted, events wrongly refused, totals that do not reconcile with
        the server's counters, or a failed run; 2 a bad command line.
        """;
}
