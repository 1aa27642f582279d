using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Leaderboards;
using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Snapshots;

/// <summary>
/// A group's closed-period figures and published rankings as bytes. Format 1, after its version byte: the
/// closed periods (period, key, total, mean, active, ratio), then the published rankings (month, and the
/// listing's ids and scores in rank order).
/// </summary>
public static class GroupHistoryCodec
{
    public const byte Version = 1;

    public static byte[] Serialize(PeriodHistory history, IReadOnlyDictionary<int, FrozenLeaderboard>? published)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(Version);
            var closed = history.Closed.ToList();
            w.Write7BitEncodedInt(closed.Count);
            foreach (var ((period, key), figures) in closed)
            {
                w.Write((byte)period);
                w.Write(key);
                w.Write(figures.Total);
                w.Write(figures.Mean);
                w.Write(figures.Active);
                w.Write(figures.ActiveRatio);
            }
            var rankings = published?.ToList() ?? [];
            w.Write7BitEncodedInt(rankings.Count);
            foreach (var (month, ranking) in rankings)
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

    /// <summary>Puts a snapshot's closed periods into <paramref name="history"/> and hands each published ranking to <paramref name="publish"/>.</summary>
    public static void Restore(GroupHistorySnapshot snapshot, PeriodHistory history, Action<int, FrozenLeaderboard>? publish)
    {
        using var r = new BinaryReader(new MemoryStream(snapshot.State, writable: false));
        try
        {
            var version = r.ReadByte();
            if (version != Version)
            {
                throw new InvalidDataException($"group history format {version} is unknown; this build reads format {Version}");
            }
            var closed = new List<KeyValuePair<(Period, int), PeriodFigures>>();
            for (var n = r.Read7BitEncodedInt(); n > 0; n--)
            {
                var key = ((Period)r.ReadByte(), r.ReadInt32());
                closed.Add(new(key, new PeriodFigures(r.ReadInt64(), r.ReadDouble(), r.ReadInt32(), r.ReadDouble())));
            }
            history.Restore(closed, snapshot.Version);
            for (var n = r.Read7BitEncodedInt(); n > 0; n--)
            {
                var month = r.ReadInt32();
                var count = r.Read7BitEncodedInt();
                var (ids, scores) = (new string[count], new double[count]);
                for (var i = 0; i < count; i++)
                {
                    (ids[i], scores[i]) = (r.ReadString(), r.ReadDouble());
                }
                publish?.Invoke(month, FrozenLeaderboard.FromListing(ids, scores));
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"the history snapshot of {snapshot.Kind} '{snapshot.Key}' is truncated", e);
        }
    }
}
