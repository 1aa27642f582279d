using System.Diagnostics;
using ZhijiangLive.Grains;
using ZhijiangLive.Grains.Teachers;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Bench;

/// <summary>
/// `state-size`: retained bytes per teacher after a simulated year (see <see cref="YearSimulation"/>): the
/// rules' state and the recent ledger, what a teacher grain holds.
/// </summary>
public static class StateSizeBenchmark
{
    public static void Run(BenchOptions options)
    {
        var pack = RulePackLoader.Default;
        var teachers = options.Teachers ?? 10_000;
        var scorer = new TeacherScorer(pack);
        Console.WriteLine($"state-size: {teachers:N0} teachers, a simulated year from {YearSimulation.FirstDay:yyyy-MM-dd}, seed {options.Seed}, pack {pack.Id}");
        Console.WriteLine("method: GC.GetTotalMemory(forceFullCollection: true) before the population is built and after, with");
        Console.WriteLine("  every state and ledger kept alive in arrays allocated beforehand (not counted). Each teacher's");
        Console.WriteLine("  events are generated, applied and dropped before the next teacher's, so only the states remain.");
        Console.WriteLine("  Then parts are released one at a time and memory measured again; each drop is that part's cost.");
        Console.WriteLine("  \"Without spreader sets\" is the same population after every ResourceRecord.Spreaders is set to");
        Console.WriteLine("  null: everything else (spread counts and points included) is identical, so the drop is exactly");
        Console.WriteLine("  the HashSets and the user-id strings only they held.");
        Console.WriteLine();

        // Warm up: JIT, the zone's caches, the pack's statics and the shared ledger notes must not be
        // counted as teacher state.
        var notes = new LedgerNotes();
        var ledgerEntries = new ClusterOptions().LedgerEntriesPerTeacher;
        new YearSimulation(scorer, options.Seed + 1, notes, ledgerEntries).Simulate(0, new RecentLedger());

        var simulation = new YearSimulation(scorer, options.Seed, notes, ledgerEntries);
        var states = new TeacherState[teachers];
        var ledgers = new RecentLedger[teachers];
        var before = Measure();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < teachers; i++)
        {
            ledgers[i] = new RecentLedger();
            states[i] = simulation.Simulate(i, ledgers[i]);
        }
        clock.Stop();
        var full = Measure();

        Console.WriteLine($"simulated {simulation.EventsApplied:N0} events ({simulation.EventsApplied / teachers:N0} per teacher, " +
            $"{simulation.SpreadEvents / teachers:N0} of them spreads) in {clock.Elapsed.TotalSeconds:F1} s; states as of {simulation.LastAcceptedAt:yyyy-MM-dd HH:mm} UTC");
        Describe(states);
        Console.WriteLine($"ledger: {ledgers.Average(l => l.Count):F1} entries kept per teacher on average (at most {ledgerEntries})");
        Console.WriteLine();

        var withSpreaders = PerTeacher(full - before, teachers);
        foreach (var resource in states.SelectMany(s => s.Resources?.Values ?? Enumerable.Empty<ResourceRecord>()))
        {
            resource.Spreaders = null;
        }
        var noSpreaders = Measure();
        var withoutSpreaders = PerTeacher(noSpreaders - before, teachers);
        Console.WriteLine($"bytes per teacher, with spreader sets:    {withSpreaders,8:N0}");
        Console.WriteLine($"bytes per teacher, without spreader sets: {withoutSpreaders,8:N0}   (target <= 2,048)");
        Console.WriteLine($"  spreader sets alone:                    {withSpreaders - withoutSpreaders,8:N0}");
        Console.WriteLine();

        Console.WriteLine("breakdown of the state without spreader sets (released in this order):");
        Array.Clear(ledgers);
        var noLedgers = Measure();
        Console.WriteLine($"  recent ledger (entries of the days in the grace window):  {PerTeacher(noSpreaders - noLedgers, teachers),6:N0}");
        foreach (var state in states) state.Tasks = null;
        var noTasks = Measure();
        Console.WriteLine($"  guidance tasks (dictionary, records, student sets, ids): {PerTeacher(noLedgers - noTasks, teachers),6:N0}");
        foreach (var state in states) state.Resources = null;
        var noResources = Measure();
        Console.WriteLine($"  resources (dictionary, records, ids):                     {PerTeacher(noTasks - noResources, teachers),6:N0}");
        var idle = simulation.LastAcceptedAt + pack.GraceLate + TimeSpan.FromDays(1);
        foreach (var state in states) scorer.Compact(state, idle);
        var compacted = Measure();
        Console.WriteLine($"  live days (buckets and their working sets), closed by Compact: {PerTeacher(noResources - compacted, teachers),6:N0}");
        Console.WriteLine($"  the rest (state object, teacher id, period series and closed history, logins): {PerTeacher(compacted - before, teachers),6:N0}");
        GC.KeepAlive(states);
        GC.KeepAlive(ledgers);
    }

    private static long Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double PerTeacher(long bytes, int teachers) => (double)bytes / teachers;

    private static void Describe(TeacherState[] states)
    {
        double Mean(Func<TeacherState, double> f) => states.Average(f);
        var resources = Mean(s => s.Resources?.Count ?? 0);
        var spreaders = Mean(s => s.Resources?.Values.Sum(r => r.Spreaders?.Count ?? 0) ?? 0);
        var spreadCount = Mean(s => s.Resources?.Values.Sum(r => r.SpreadCount) ?? 0);
        var tasks = Mean(s => s.Tasks?.Count ?? 0);
        var liveDays = Mean(s => s.Days.Live.Count);
        var closedDays = Mean(s => s.Days.Closed.Count);
        var months = Mean(s => s.Months.Live.Count + s.Months.Closed.Count);
        var yearPoints = Mean(s => s.Lifetime.Total);
        Console.WriteLine($"per teacher on average: {yearPoints:F0} points in the year, {resources:F1} resources holding {spreaders:F0} spreaders " +
            $"(spread count {spreadCount:F0}), {tasks:F1} tasks remembered, {liveDays:F1} live days, {closedDays:F1} closed days kept, {months:F1} months kept");
    }
}
