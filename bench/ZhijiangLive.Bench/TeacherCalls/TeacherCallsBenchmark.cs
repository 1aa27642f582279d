using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using ZhijiangLive.Bench.Province;
using ZhijiangLive.Grains;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Hosting;
using ZhijiangLive.Grains.Teachers;
using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;

namespace ZhijiangLive.Bench.TeacherCalls;

/// <summary>
/// Teacher grains on Orleans, one call per teacher carrying its events, then the same events through the
/// facade in batches; and an Orleans null grain's awaited call rate in the same run. Prints, asserts nothing.
/// </summary>
internal static class TeacherCallsBenchmark
{
    private const int InFlight = 256;

    public static async Task RunAsync(int teachers, int eventsPerTeacher)
    {
        Console.WriteLine($"teacher-calls: {teachers:N0} teachers, {eventsPerTeacher} events per call, {InFlight} calls in flight, " +
            $"{Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
        var roster = ProvinceRoster.Generate(Math.Max(1, teachers / 50), teachers, seed: 2018);
        var at = DateTimeOffset.UtcNow;
        var events = ProvinceTraffic.Generate([.. roster.Teachers.Select(t => t.Id)], eventsPerTeacher, at, seed: 7);
        var byTeacher = events.GroupBy(e => e.TeacherId)
            .Select(g => (Id: g.Key, Events: new TeacherEvents([.. g.Select(e => new TeacherEvent(e, 0, at))])))
            .ToArray();

        await using var silo = await LocalSilo.StartAsync(RulePackLoader.Default, new ClusterOptions());
        var cluster = silo.Cluster;
        var grains = cluster.Grains;
        var nullRate = await NullGrainRate.MeasureAsync(grains, InFlight);
        Console.WriteLine($"Orleans null grain (1,000 grains), awaited: {nullRate}");
        var oneWay = await NullGrainRate.MeasureOneWayAsync(grains);
        Console.WriteLine($"Orleans null grain, one-way (no reply): {oneWay}; warm, {oneWay.Warm / nullRate.Warm:F2} of awaited");

        var upserts = await CallRate.MeasureAsync(roster.Teachers.Count, InFlight,
            i => grains.GetGrain<ITeacherGrain>(roster.Teachers[i].Id).UpsertAsync(roster.Teachers[i]), CallRate.Settled);
        Console.WriteLine($"Orleans teachers activated by their roster upsert: {upserts:N0} calls/s");
        for (var round = 1; round <= 2; round++)
        {
            var calls = await CallRate.MeasureAsync(byTeacher.Length, InFlight,
                i => grains.GetGrain<ITeacherGrain>(byTeacher[i].Id).PublishAsync(byTeacher[i].Events), CallRate.Settled);
            Console.WriteLine($"Orleans teacher calls, round {round} (reports to counting schools): {calls:N0} calls/s, " +
                $"{calls * eventsPerTeacher:N0} events/s");
        }
        var chunks = events.Select(e => new AcceptedEvent(e, at, 0)).Chunk(500).ToArray();
        var batches = await CallRate.MeasureAsync(chunks.Length, 64, i => cluster.PublishCheckedAsync(chunks[i]), cluster.FlushAsync);
        Console.WriteLine($"facade, batches of 500 events, 64 in flight (schools and regions aggregating): {batches * 500:N0} events/s");
    }
}
