using Google.Protobuf;
using ZhijiangLive.Silo.Mapping;
using ZhijiangLive.Storage;
using V1 = ZhijiangLive.Contracts.V1;
using Domain = ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Silo.Durability;

/// <summary>
/// What a journal record's payload holds: the contract's own protobuf messages, as they arrived. The wire
/// format is versioned by the contract already, so a journal outlives changes of the engine's types.
/// </summary>
public static class JournalPayloads
{
    public static byte[] Event(V1.ActivityEvent wire) => wire.ToByteArray();

    public static byte[] Roster(V1.RosterBatch batch) => batch.ToByteArray();

    public static Domain.ActivityEvent ToEvent(JournalRecord record) =>
        EventMapping.ToDomain(V1.ActivityEvent.Parser.ParseFrom(record.Payload), out _);

    public static Grains.Cluster.RosterBatch ToRoster(JournalRecord record) =>
        RosterMapping.ToDomain(V1.RosterBatch.Parser.ParseFrom(record.Payload));
}
