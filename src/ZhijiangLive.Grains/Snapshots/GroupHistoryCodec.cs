using ZhijiangLive.Grains.Leaderboards;

namespace ZhijiangLive.Grains.Snapshots;

/// <summary>
/// A region's published monthly school rankings as bytes. Format 2, after its version byte: the rankings
/// (month, and the listing's ids and scores in rank order). Format 1 also held closed periods' figures
/// before them; those are now recounted from the teachers at start-up, so a reader skips them.
/// </summary>
public static class GroupHistoryCodec
{
    public const byte Version = 2;

    public static byte[] Serialize(IReadOnlyDictionary<int, FrozenLeaderboard> published)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(Version);
            w.Write7BitEncodedInt(published.Count);
            foreach (var (month, ranking) in published)
            {
                var (ids, scores) = ranking.Listing;
                w.Write(month);
                w.Write7BitEncodedInt(ids.Length);
                for (var i = 0; i < ids.Length; i++)
                {
                    w.Write(ids[i]);
                    w.Write(scores[i]);
                }
            }
        }
        return stream.ToArray();
    }

    /// <summary>Hands each published ranking of a snapshot to <paramref name="publish"/>.</summary>
    public static void Restore(GroupHistorySnapshot snapshot, Action<int, FrozenLeaderboard> publish)
    {
        using var r = new BinaryReader(new MemoryStream(snapshot.State, writable: false));
        try
        {
            var version = r.ReadByte();
            if (version is not (1 or Version))
            {
                throw new InvalidDataException($"group history format {version} is unknown; this build reads formats 1 and {Version}");
            }
            if (version == 1)
            {
                SkipClosedPeriods(r);
            }
            for (var n = r.Read7BitEncodedInt(); n > 0; n--)
            {
                var month = r.ReadInt32();
                var count = r.Read7BitEncodedInt();
                var (ids, scores) = (new string[count], new double[count]);
                for (var i = 0; i < count; i++)
                {
                    (ids[i], scores[i]) = (r.ReadString(), r.ReadDouble());
                }
                publish(month, FrozenLeaderboard.FromListing(ids, scores));
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"the history snapshot of {snapshot.Kind} '{snapshot.Key}' is truncated", e);
        }
    }

    // Format 1's closed periods: period byte, key, total, mean, active, ratio.
    private static void SkipClosedPeriods(BinaryReader r)
    {
        for (var n = r.Read7BitEncodedInt(); n > 0; n--)
        {
            r.ReadBytes(1 + 4 + 8 + 8 + 4 + 8);
        }
    }
}
