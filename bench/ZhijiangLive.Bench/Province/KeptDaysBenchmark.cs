using System.Diagnostics;
using ZhijiangLive.Grains;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Hosting;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;
using ActivityEvent = ZhijiangLive.Scoring.Events.ActivityEvent;

namespace ZhijiangLive.Bench.Province;

/// <summary>
/// A province with weeks of history (SPEC §6, closed periods are exact): --days days of activity on a moving
/// clock, a share of each day's events arriving a day late, then the heap per teacher and the latency of
/// top-100 province rankings for today, a past day and a past month. Prints figures, asserts nothing.
/// </summary>
internal static class KeptDaysBenchmark
{
    private const int BatchSize = 500;
    private const int InFlight = 64;
    private const int Queries = 5_000;

    public static async Task RunAsync(int schools, int teachers, int days, int activePercent, int seed)
    {
        Console.WriteLine($"kept-days: {schools:N0} schools, {teachers:N0} teachers, {days} days, {activePercent} % of teachers active a day, " +
            $"{Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        var roster = ProvinceRoster.Generate(schools, teachers, seed);
        var ids = roster.Teachers.Select(t => t.Id).ToArray();
        // 10:00 in Shanghai, days - 1 days before a fixed "today".
        var today = new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);
        var clock = new BenchClock(today - TimeSpan.FromDays(days - 1));
        await using var silo = await LocalSilo.StartAsync(RulePackLoader.Default, new ClusterOptions(), clock);
        var cluster = silo.Cluster;
        await roster.UploadAsync(cluster);
        var heapBefore = RankingLatency.SettledHeap();
        Console.WriteLine($"roster of {teachers:N0} teachers, no activity: managed heap {heapBefore / 1048576.0:N0} MiB");

        var random = new Random(seed);
        var (events, late) = (0L, 0L);
        var total = Stopwatch.StartNew();
        for (var day = 0; day < days; day++)
        {
            var batch = DayOfActivity(ids, activePercent, clock.GetUtcNow(), day, random);
            late += batch.Count(e => e.OccurredAt < clock.GetUtcNow() - TimeSpan.FromHours(12));
            var took = await PublishAsync(cluster, batch, clock.GetUtcNow());
            events += batch.Length;
            Console.WriteLine($"  day {day + 1}/{days} ({DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime):yyyy-MM-dd}): " +
                $"{batch.Length:N0} events in {took.TotalSeconds:F1} s, {batch.Length / took.TotalSeconds:N0} events/s");
            if (day < days - 1)
            {
                clock.Advance(TimeSpan.FromDays(1));
            }
        }
        Console.WriteLine($"{events:N0} events ({late:N0} a day late) in {total.Elapsed.TotalSeconds:F0} s: {events / total.Elapsed.TotalSeconds:N0} events/s overall");

        var heap = RankingLatency.SettledHeap();
        Console.WriteLine($"managed heap with {days} days of history: {heap / 1048576.0:N0} MiB, {heap / (double)teachers:N0} bytes a teacher " +
            $"({(heap - heapBefore) / (double)teachers:N0} bytes a teacher more than the bare roster)");

        var province = roster.ProvinceId;
        var todayDate = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        await LatencyAsync(cluster, "today's teacher ranking", new RankingRequest(province, RankingKind.Teachers, Period.Day, todayDate, Limit: 100));
        var yesterday = new RankingRequest(province, RankingKind.Teachers, Period.Day, todayDate.AddDays(-1), Limit: 100);
        await LatencyAsync(cluster, "yesterday's teacher ranking", yesterday);
        await LatencyAsync(cluster, "the teacher ranking of 20 days ago", yesterday with { Date = todayDate.AddDays(-20) });
        await LatencyAsync(cluster, "last month's teacher ranking", yesterday with { Period = Period.Month, Date = todayDate.AddMonths(-1) });
        await LatencyAsync(cluster, "last month's school ranking", yesterday with { Kind = RankingKind.Schools, Period = Period.Month, Date = todayDate.AddMonths(-1) });

        await LatencyAsync(cluster, "yesterday's school ranking", yesterday with { Kind = RankingKind.Schools });

        // Late events keep arriving for yesterday: its rankings follow them; a day outside the window stays built.
        var lateRandom = new Random(seed + 1);
        await UnderLateEventsAsync(cluster, "yesterday's teacher ranking", yesterday, ids, clock, lateRandom);
        await UnderLateEventsAsync(cluster, "yesterday's school ranking", yesterday with { Kind = RankingKind.Schools }, ids, clock, lateRandom);
        await UnderLateEventsAsync(cluster, "the teacher ranking of 20 days ago", yesterday with { Date = todayDate.AddDays(-20) }, ids, clock, lateRandom);
    }

    /// <summary>Reads timed right after each of 200 batches of 50 late events for yesterday has reached the province.</summary>
    private static async Task UnderLateEventsAsync(ZhijiangCluster cluster, string what, RankingRequest request, string[] ids, BenchClock clock, Random random)
    {
        const int rounds = 200;
        var samples = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var late = Enumerable.Range(0, 50).Select(n => new ActivityEvent($"late-{what}-{i}-{n}", ids[random.Next(ids.Length)],
                clock.GetUtcNow() - TimeSpan.FromDays(1), ClientKind.Pc, new TeachingSession($"late-{what}-{i}-{n}", 2400))).ToArray();
            await cluster.PublishAsync(late, clock.GetUtcNow());
            await cluster.FlushAsync();
            var start = Stopwatch.GetTimestamp();
            await cluster.GetRankingAsync(request);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(samples);
        Console.WriteLine($"top-100 {what}, each read after 50 late events for yesterday ({rounds} reads): {RankingLatency.Percentiles(samples)}");
    }

    /// <summary>Each active teacher logs in and teaches; one event in ten happened the day before.</summary>
    private static ActivityEvent[] DayOfActivity(string[] ids, int activePercent, DateTimeOffset at, int day, Random random)
    {
        var events = new List<ActivityEvent>(ids.Length * activePercent / 50);
        foreach (var id in ids)
        {
            if (random.Next(100) >= activePercent)
            {
                continue;
            }
            var occurred = day > 0 && random.Next(10) == 0 ? at - TimeSpan.FromDays(1) : at;
            events.Add(new ActivityEvent($"d{day}-{id}-l", id, occurred, ClientKind.Mobile, Login.Instance));
            events.Add(new ActivityEvent($"d{day}-{id}-t", id, occurred, ClientKind.Pc, new TeachingSession($"d{day}-{id}", 2400)));
        }
        var shuffled = events.ToArray();
        random.Shuffle(shuffled);
        return shuffled;
    }

    private static async Task<TimeSpan> PublishAsync(ZhijiangCluster cluster, ActivityEvent[] events, DateTimeOffset at)
    {
        var clock = Stopwatch.StartNew();
        var pending = new Queue<Task<PublishResult>>();
        for (var i = 0; i < events.Length; i += BatchSize)
        {
            pending.Enqueue(cluster.PublishAsync(new ArraySegment<ActivityEvent>(events, i, Math.Min(BatchSize, events.Length - i)), at));
            if (pending.Count >= InFlight)
            {
                await pending.Dequeue();
            }
        }
        while (pending.Count > 0)
        {
            await pending.Dequeue();
        }
        await cluster.FlushAsync();
        return clock.Elapsed;
    }

    private static async Task LatencyAsync(ZhijiangCluster cluster, string what, RankingRequest request)
    {
        var first = Stopwatch.StartNew();
        var page = (await cluster.GetRankingAsync(request))!;
        var firstMs = first.Elapsed.TotalMilliseconds;
        var samples = await RankingLatency.SampleAsync(cluster, request, Queries);
        Console.WriteLine($"top-100 {what} ({page.Total:N0} ranked{(page.Provisional ? ", provisional" : "")}): first read {firstMs:F1} ms, " +
            $"then {Queries:N0} reads {RankingLatency.Percentiles(samples)}");
    }

    private sealed class BenchClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
