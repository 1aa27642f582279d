using System.Diagnostics;
using Orleans;
using ZhijiangLive.Bench.TeacherCalls;
using ZhijiangLive.Grains;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Hosting;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.State;
using ActivityEvent = ZhijiangLive.Scoring.Events.ActivityEvent;

namespace ZhijiangLive.Bench.Province;

/// <summary>
/// A whole province in one process: events through teacher grains with every aggregate and ranking kept
/// current, against the same events applied by a bare loop; memory with every grain active; and the
/// latency of top-100 queries. Prints figures, asserts nothing.
/// </summary>
internal static class ProvinceBenchmark
{
    public static async Task RunAsync(int schools, int teachers, int eventsPerTeacher, bool byTeacher, int inFlight)
    {
        Console.WriteLine($"province: {schools:N0} schools, {teachers:N0} teachers, {eventsPerTeacher} events each " +
            (byTeacher ? "(each teacher's together)" : "(shuffled)") + $", {inFlight} batches of 500 in flight, " +
            $"{Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        var roster = ProvinceRoster.Generate(schools, teachers, seed: 2018);
        var at = DateTimeOffset.UtcNow;
        var events = ProvinceTraffic.Generate(roster.Teachers.Select(t => t.Id).ToList(), eventsPerTeacher, at, seed: 7, byTeacher);
        Console.WriteLine($"built {events.Length:N0} events");

        var bare = BareLoop(events, at);
        Console.WriteLine($"bare loop (1 thread, Dictionary of states): {bare:N0} events/s");

        await using var silo = await LocalSilo.StartAsync(RulePackLoader.Default, new ClusterOptions());
        var cluster = silo.Cluster;
        var nullRate = await NullGrainRate.MeasureAsync(cluster.Grains);
        Console.WriteLine($"Orleans null grain (1,000 grains, 256 in flight), awaited: {nullRate}");
        var upload = Stopwatch.StartNew();
        await roster.UploadAsync(cluster);
        Console.WriteLine($"roster upserted in {upload.Elapsed.TotalSeconds:F1} s; active grains {cluster.Services.Active.Total:N0}");
        // Settled before the timed run, so the run starts without the upload's garbage and the growth below is the events' own.
        var before = RankingLatency.SettledHeap();
        Console.WriteLine($"managed heap before the events: {before / 1048576.0:N0} MiB");

        var grains = await ThroughGrainsAsync(cluster, events, at, inFlight);
        Console.WriteLine($"through grains (aggregates and rankings current): {grains:N0} events/s");
        Console.WriteLine($"ratio grains/bare: {grains / bare:F2}; events/s through grains ÷ warm null grain calls/s: {grains / nullRate.Warm:F2}");

        var heap = RankingLatency.SettledHeap();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"memory with {cluster.Services.Active.Total:N0} active grains: managed heap " +
            $"{heap / 1048576.0:N0} MiB ({(heap - before) / (double)roster.Teachers.Count:N0} B a teacher more than before the events), " +
            $"working set {process.WorkingSet64 / 1048576.0:N0} MiB (events held by the benchmark included)");
        GC.KeepAlive(events);

        await QueryLatencyAsync(cluster, roster.ProvinceId);
    }

    private static double BareLoop(ActivityEvent[] events, DateTimeOffset at)
    {
        var scorer = new TeacherScorer(RulePackLoader.Default);
        var states = new Dictionary<string, TeacherState>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        foreach (var e in events)
        {
            if (!states.TryGetValue(e.TeacherId, out var state))
            {
                states.Add(e.TeacherId, state = new TeacherState(e.TeacherId));
            }
            scorer.Apply(state, e, at);
        }
        return events.Length / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> ThroughGrainsAsync(ZhijiangCluster cluster, ActivityEvent[] events, DateTimeOffset at, int inFlight)
    {
        const int batchSize = 500;
        var pending = new Queue<Task<PublishResult>>();
        var accepted = 0L;
        var (gen0, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < events.Length; i += batchSize)
        {
            var batch = new ArraySegment<ActivityEvent>(events, i, Math.Min(batchSize, events.Length - i));
            pending.Enqueue(cluster.PublishAsync(batch, at));
            if (pending.Count >= inFlight)
            {
                accepted += (await pending.Dequeue()).Accepted;
            }
        }
        while (pending.Count > 0)
        {
            accepted += (await pending.Dequeue()).Accepted;
        }
        var scored = clock.Elapsed;
        await cluster.FlushAsync(); // every report has reached the province
        var rate = events.Length / clock.Elapsed.TotalSeconds;
        var cores = (Process.GetCurrentProcess().TotalProcessorTime - cpu) / clock.Elapsed;
        Console.WriteLine($"accepted {accepted:N0} of {events.Length:N0} in {clock.Elapsed.TotalSeconds:F1} s " +
            $"(the teachers had scored every event at {scored.TotalSeconds:F1} s; the rest is schools and regions catching up); " +
            $"{cores:F2} cores busy; GCs gen0 {GC.CollectionCount(0) - gen0}, gen2 {GC.CollectionCount(2) - gen2}, " +
            $"paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F1} s");
        return rate;
    }

    private static async Task QueryLatencyAsync(ZhijiangCluster cluster, string provinceId)
    {
        const int queries = 20_000;
        var request = new RankingRequest(provinceId, RankingKind.Teachers, Period.Day, Limit: 100);
        var samples = await RankingLatency.SampleAsync(cluster, request, queries);
        Console.WriteLine($"top-100 province teacher ranking, {queries:N0} queries: {RankingLatency.Percentiles(samples)}");
    }
}
