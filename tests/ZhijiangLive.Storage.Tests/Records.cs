using System.Text;

namespace ZhijiangLive.Storage.Tests;

/// <summary>Journal records and snapshots with what stores get wrong: Chinese ids, 100-nanosecond times, any byte in a payload.</summary>
internal static class Records
{
    /// <summary>10:00:00.1234567 on 2 March 2026 in Shanghai: the last digit is finer than PostgreSQL's microsecond timestamps.</summary>
    public static readonly DateTimeOffset Time = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567);

    public static string EventId(long position) => $"事件-杭州市西湖区-{position:D6}";

    public static JournalRecord Event(long position, DateTimeOffset? occurredAt = null) =>
        new(position, JournalKind.Event, EventId(position), occurredAt ?? Time.AddTicks(position), Accepted(position), Payload($"签到 {position}"));

    public static JournalRecord Roster(long position, DateTimeOffset? occurredAt = null) =>
        new(position, JournalKind.Roster, null, occurredAt ?? Time.AddTicks(-position), Accepted(position), Payload($"教师名册 {position}"));

    /// <summary>Events at <paramref name="first"/>..<paramref name="last"/>, with a roster record at every hundredth position.</summary>
    public static List<JournalRecord> Journal(long first, long last)
    {
        var records = new List<JournalRecord>();
        for (long position = first; position <= last; position++)
        {
            records.Add(position % 100 == 0 ? Roster(position) : Event(position));
        }
        return records;
    }

    public static GrainSnapshot Snapshot(string kind, string key, long version, string state) =>
        new(kind, key, version, Position: version * 10, Payload(state));

    /// <summary>A record as comparable values: the payload as hex and times as UTC ticks, so a difference shows in the message.</summary>
    public static (long Position, JournalKind Kind, string? EventId, long OccurredTicks, long AcceptedTicks, string Payload) Shape(JournalRecord record) =>
        (record.Position, record.Kind, record.EventId, record.OccurredAt.UtcTicks, record.AcceptedAt.UtcTicks, Convert.ToHexString(record.Payload));

    public static (string Kind, string Key, long Version, long Position, string State) Shape(GrainSnapshot snapshot) =>
        (snapshot.Kind, snapshot.Key, snapshot.Version, snapshot.Position, Convert.ToHexString(snapshot.State));

    private static DateTimeOffset Accepted(long position) => Time.AddSeconds(1).AddTicks(position * 7);

    private static byte[] Payload(string text) => [0x00, 0xFF, .. Encoding.UTF8.GetBytes(text), 0x7F];
}
