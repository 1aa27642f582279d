using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Bench.Grpc;
using ZhijiangLive.Bench.Province;
using ZhijiangLive.Silo.Durability;
using ZhijiangLive.Storage;

namespace ZhijiangLive.Bench.Durability;

/// <summary>
/// A day of a province's journal, written straight into a store as the silo would have journaled it: the
/// roster first (one Roster record per upload of 20,000 teachers, under the 4 MiB message limit), then
/// events of today in Asia/Shanghai spread over the teachers, in groups of ~5,000 sharing one acceptance
/// instant like the silo's group commits, each occurred up to two minutes before it was accepted, so that
/// all of it replays as accepted.
/// </summary>
internal static class JournalSeeder
{
    private const int GroupSize = 5_000;
    private const int AppendSize = 50_000;
    private const int RosterSlice = 20_000;
    private const int ReportEvery = 1_000_000;
    private static readonly TimeZoneInfo s_zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The roster, then <paramref name="events"/> events accepted from midnight until a minute ago.</summary>
    public static async Task WriteDayAsync(IDurableStore store, ProvinceRoster province, int events, int seed)
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, s_zone);
        var midnight = new DateTimeOffset(now.Date, now.Offset); // Shanghai keeps one offset all year
        var until = now.AddMinutes(-1) > midnight ? now.AddMinutes(-1) : now;
        var position = 0L;
        var roster = GrpcTraffic.RosterSlices(province, RosterSlice)
            .Select(batch => new JournalRecord(++position, JournalKind.Roster, null, midnight, midnight, JournalPayloads.Roster(batch)))
            .ToList();
        await store.AppendAsync(roster);
        var seconds = await WriteEventsAsync(store, province, position, 0, events, midnight, until, new Random(seed), report: true);
        Console.WriteLine($"  journal written: {roster.Count} roster records ({province.Teachers.Count:N0} teachers), {events:N0} events in " +
            $"{(events + GroupSize - 1) / GroupSize:N0} groups accepted between {midnight:HH:mm} and {until:HH:mm} Shanghai time, in {seconds:0.0} s");
    }

    /// <summary>
    /// <paramref name="events"/> more events after the journal's end, accepted in the last minute: what a silo
    /// journals between its last snapshot round and a crash. Their ids follow the day's <paramref name="dayEvents"/>.
    /// </summary>
    public static async Task WriteTailAsync(IDurableStore store, ProvinceRoster province, int dayEvents, int events, int seed)
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, s_zone);
        var midnight = new DateTimeOffset(now.Date, now.Offset);
        var from = now.AddMinutes(-1) > midnight ? now.AddMinutes(-1) : midnight;
        await WriteEventsAsync(store, province, await store.LastPositionAsync(), dayEvents, events, from, now, new Random(seed + 1), report: false);
    }

    private static async Task<double> WriteEventsAsync(
        IDurableStore store, ProvinceRoster province, long position, int firstEvent, int events,
        DateTimeOffset from, DateTimeOffset until, Random random, bool report)
    {
        var groups = (events + GroupSize - 1) / GroupSize;
        var records = new List<JournalRecord>(AppendSize);
        var appending = Task.CompletedTask;
        var clock = Stopwatch.StartNew();
        for (var group = 0; group < groups; group++)
        {
            var acceptedAt = from + (until - from) * ((group + 1.0) / groups);
            for (var i = group * GroupSize; i < Math.Min(events, (group + 1) * GroupSize); i++)
            {
                var occurredAt = acceptedAt - TimeSpan.FromMilliseconds(random.Next(120_000));
                occurredAt = occurredAt < from ? from : occurredAt;
                var teacher = province.Teachers[random.Next(province.Teachers.Count)].Id;
                var n = firstEvent + i;
                var wire = GrpcTraffic.Event($"j-{n}", teacher, Timestamp.FromDateTimeOffset(occurredAt), n);
                records.Add(new JournalRecord(++position, JournalKind.Event, wire.EventId, occurredAt, acceptedAt, JournalPayloads.Event(wire)));
                if (records.Count == AppendSize)
                {
                    // The next batch is built while this one is copied in.
                    await appending;
                    appending = store.AppendAsync(records);
                    records = new List<JournalRecord>(AppendSize);
                }
                if (report && (i + 1) % ReportEvery == 0)
                {
                    Console.WriteLine($"  writing journal: {i + 1:N0} / {events:N0} events ({(i + 1) / clock.Elapsed.TotalSeconds:N0}/s)");
                }
            }
        }
        await appending;
        await store.AppendAsync(records);
        return clock.Elapsed.TotalSeconds;
    }
}
