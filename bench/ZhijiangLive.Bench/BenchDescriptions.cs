namespace ZhijiangLive.Bench;

/// <summary>What each benchmark does, for its <c>--help</c>.</summary>
internal static class BenchDescriptions
{
    public const string Scoring = """
        Builds a realistic event mix (logins, profile updates, mobile ops, resource spreads, reviews and deletions,
        teaching sessions, tasks and engagements, interactions, app use) for --teachers teachers over --days simulated
        days, in acceptance order, some events late within the 72 h grace — all before timing. Then, on one thread,
        applies them through TeacherScorer into a fresh Dictionary<string, TeacherState>: one warm-up run, then --runs
        timed runs. Prints events/s per run and min / median / max, with the bytes allocated per event and GCs during
        the timed runs.
        """;

    public const string StateSize = """
        Simulates a typical teacher's year (most school days logged in, a few mobile ops, teaching sessions, a few
        tasks, interactions, app use, ~10 resources with a few reviews and a few hundred spreads) for --teachers
        teachers, keeps the states alive, and prints retained bytes per teacher (GC.GetTotalMemory(true) before /
        after), with the resources' spreader sets and without them, and a breakdown of the rest.
        """;

    public const string Province = """
        A whole province in one process (the 11 real cities and 90 counties, --schools schools, --teachers teachers):
        every teacher gets --events-per-teacher events of a school day, published in batches of 500 through teacher
        grains with every aggregate and ranking kept current. Prints events/s, the same events through a bare loop
        that applies the engine to a Dictionary of states (and the ratio), memory with every grain active, and the
        p50/p99 latency of top-100 province teacher ranking queries.
        """;

    public const string Rankings = """
        A region's teacher rankings of the day, the month and the year, kept current report by report as the region
        grains keep them: --teachers members (and a city's and a county's share of them), five reports a member in
        random order, each adding the same points to all three. Prints the nanoseconds a report costs in three separate
        boards and in one board of three rankings over a shared membership, per round, and their ratio.
        """;

    public const string KeptDays = """
        A province with weeks of history (the 11 real cities and 90 counties, --schools schools, --teachers teachers):
        --days days of activity on a clock the benchmark moves, --active-percent of the teachers logging in and
        teaching each day, one event in ten arriving a day late. Prints events/s per day, the managed heap per
        teacher, and the latency of top-100 province rankings of today, yesterday, 20 days ago and last month (the
        first read, which builds a closed period's ranking, and 5,000 reads after it), and reads each made right after a
        batch of late events for yesterday.
        """;

    public const string TeacherCalls = """
        Teacher grains on Orleans in this process (one silo, --teachers teachers): an Orleans null grain's awaited call
        rate (the engine's ceiling) and its one-way call rate (no reply), the teachers activated by their roster
        upsert, then two rounds of one call per teacher carrying its --events-per-teacher events (reports go to
        Orleans school grains, which count them but, with no roster entry of their own here, forward nothing to
        regions). Then the same events through the cluster's facade in batches of 500, where schools and regions
        also aggregate.
        """;

    public const string Grpc = """
        The silo's gRPC endpoint in this process (in-memory store, --teachers teachers): unary Publish of one distinct
        event by --concurrency concurrent calls (--calls calls), PublishStream with batches of 500 over --streams
        streams (--stream-events events), then one pre-encoded request sent --calls times by our client and by h2load
        (Debian nghttp2-client) over one connection with --concurrency streams, and the ratio. Prints calls/s,
        events/s and latency percentiles.
        """;

    public const string Durability = """
        The silo journaling to PostgreSQL (fsync and synchronous_commit on): a private cluster made for the run with
        the Debian postgresql binaries (as the postgres user when run as root), or the server of --connection.
        1: PublishStream with batches of 500 over --streams streams, --in-flight batches in flight each, into a silo
        of 10000 teachers, --warm-up seconds then --seconds measured: events/s, per-batch ack latency, the journal's
        appends (rows per append, AppendAsync time) and where the CPU went; then the same load on the in-memory store,
        the ceiling on this machine at the time. 2: the same rows by a bare Npgsql binary COPY loop on one connection,
        in commits of the sizes the silo's appends had and of 500 rows, and the ratios. 3: a province of --teachers
        teachers and --events events of today written into a fresh journal; a silo started on it (seconds until it
        listens, events replayed per second, memory, where the time went), then a snapshot round of that silo, --tail
        more events, and a silo started on the snapshots and the tail, as after a crash. Databases and the private
        cluster are removed at the end.
        """;
}
