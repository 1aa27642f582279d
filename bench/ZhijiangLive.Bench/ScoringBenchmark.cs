using System.Diagnostics;
using System.Runtime.InteropServices;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Bench;

/// <summary>`scoring`: events/s of TeacherScorer.Apply on one thread over a pre-built event mix.</summary>
public static class ScoringBenchmark
{
    public static void Run(BenchOptions options)
    {
        var pack = RulePackLoader.Default;
        var teachers = options.Teachers ?? 10_000;
        Console.WriteLine($"scoring: {teachers:N0} teachers, {options.Days} simulated days, seed {options.Seed}, pack {pack.Id} ({pack.TimeZone})" +
            (options.ByTeacher ? ", events grouped by teacher (--by-teacher)" : ", events interleaved in acceptance order"));
        Console.WriteLine($"runtime {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");

        var build = Stopwatch.StartNew();
        var mix = EventMix.Build(pack, teachers, options.Days, options.Seed, options.ByTeacher);
        build.Stop();
        Console.WriteLine($"built {mix.Events.Length:N0} events ({(double)mix.Events.Length / teachers / options.Days:F0} per teacher-day) " +
            $"from {mix.FirstDay:yyyy-MM-dd} in {build.Elapsed.TotalSeconds:F1} s (not timed)");
        Console.WriteLine("mix: " + string.Join(", ", mix.KindShares().Select(k => $"{k.Kind} {k.Share:P1}")));
        var lateness = mix.Events.Select((e, i) => mix.AcceptedAt[i] - e.OccurredAt).ToArray();
        Console.WriteLine($"acceptance: {Share(lateness, l => l <= TimeSpan.FromSeconds(30)):P1} within 30 s, " +
            $"{Share(lateness, l => l > TimeSpan.FromHours(1)):P1} over 1 h late, max {lateness.Max().TotalHours:F1} h");
        Console.WriteLine();

        var scorer = new TeacherScorer(pack);
        var warmUp = TimeRun(scorer, mix, teachers);
        Console.WriteLine($"warm-up: {warmUp.Seconds:F2} s, {warmUp.EventsPerSecond / 1e6:F2} M events/s " +
            $"(points {warmUp.Points:N0}, rejected {warmUp.Rejected:N0})");

        var results = new List<RunResult>();
        for (var run = 1; run <= options.Runs; run++)
        {
            var result = TimeRun(scorer, mix, teachers);
            results.Add(result);
            Console.WriteLine($"run {run}: {result.Seconds:F2} s, {result.EventsPerSecond / 1e6:F2} M events/s, " +
                $"{result.AllocatedBytes / (double)mix.Events.Length:F0} B allocated per event, GCs gen0/1/2 {result.Gc0}/{result.Gc1}/{result.Gc2}");
        }

        var rates = results.Select(r => r.EventsPerSecond).Order().ToArray();
        var median = rates.Length % 2 == 1 ? rates[rates.Length / 2] : (rates[rates.Length / 2 - 1] + rates[rates.Length / 2]) / 2;
        Console.WriteLine();
        Console.WriteLine($"events/s on one thread over {rates.Length} runs: min {rates[0] / 1e6:F2} M, median {median / 1e6:F2} M, " +
            $"max {rates[^1] / 1e6:F2} M (target 3.00 M)");
        var same = results.All(r => r.Points == warmUp.Points && r.Rejected == warmUp.Rejected) ? "the same in every run" : "DIFFERING between runs";
        Console.WriteLine($"ns per event: median {1e9 / median:F0}; points {warmUp.Points:N0}, rejected {warmUp.Rejected:N0} (unknown app), {same}");
    }

    private static double Share<T>(T[] items, Func<T, bool> predicate) => (double)items.Count(predicate) / items.Length;

    private static RunResult TimeRun(TeacherScorer scorer, EventMix mix, int teachers)
    {
        var states = new Dictionary<string, TeacherState>(teachers, StringComparer.Ordinal);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var (gc0, gc1, gc2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var events = mix.Events;
        var acceptedAt = mix.AcceptedAt;
        long points = 0;
        var rejected = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(states, e.TeacherId, out var exists);
            if (!exists)
            {
                state = new TeacherState(e.TeacherId);
            }
            var outcome = scorer.Apply(state!, e, acceptedAt[i]);
            points += outcome.Entry.Points;
            rejected += outcome.IsRejected ? 1 : 0;
        }
        clock.Stop();

        return new RunResult(
            clock.Elapsed.TotalSeconds,
            events.Length / clock.Elapsed.TotalSeconds,
            GC.GetAllocatedBytesForCurrentThread() - allocated,
            GC.CollectionCount(0) - gc0, GC.CollectionCount(1) - gc1, GC.CollectionCount(2) - gc2,
            points, rejected);
    }

    private sealed record RunResult(
        double Seconds, double EventsPerSecond, long AllocatedBytes, int Gc0, int Gc1, int Gc2, long Points, int Rejected);
}
