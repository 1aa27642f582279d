namespace ZhijiangLive.Scoring.State.Serialization;

/// <summary>
/// A <see cref="PeriodSeries"/> in a snapshot: its live periods with their totals and working sets, then
/// its closed ones. Keys are written as the difference from the previous key, since they are sorted and
/// mostly a day or a month apart.
/// </summary>
internal static class PeriodSeriesCodec
{
    public static void Write(BinaryWriter w, PeriodSeries series)
    {
        var previous = 0;
        w.WriteCount(series.Live.Count);
        foreach (var bucket in series.Live)
        {
            w.WriteSigned(bucket.Key - previous);
            previous = bucket.Key;
            WriteTotals(w, bucket.Totals);
            WriteWorking(w, bucket.Working);
        }
        previous = 0;
        w.WriteCount(series.Closed.Count);
        foreach (var closed in series.Closed)
        {
            w.WriteSigned(closed.Key - previous);
            previous = closed.Key;
            w.WriteSigned(closed.Total);
            w.WriteSigned(closed.Mobile);
        }
    }

    public static void Read(BinaryReader r, PeriodSeries series)
    {
        var key = 0;
        var live = r.ReadCount();
        for (var i = 0; i < live; i++)
        {
            key = NextKey(r, key, first: i == 0);
            var bucket = series.GetOrAdd(key);
            bucket.Totals = ReadTotals(r);
            bucket.Working = ReadWorking(r);
        }
        key = 0;
        var count = r.ReadCount();
        var closed = new List<ClosedPeriod>(count);
        for (var i = 0; i < count; i++)
        {
            key = NextKey(r, key, first: i == 0);
            closed.Add(new ClosedPeriod(key, r.ReadSigned(), r.ReadSigned()));
        }
        series.RestoreClosed(closed);
    }

    public static void WriteTotals(BinaryWriter w, in PeriodTotals totals)
    {
        w.WriteSigned(totals.Total);
        w.WriteSigned(totals.Mobile);
        for (var i = 0; i < RuleIds.Count; i++)
        {
            w.WriteSigned(totals.Of(i));
        }
    }

    public static PeriodTotals ReadTotals(BinaryReader r)
    {
        var totals = new PeriodTotals { Total = r.ReadSigned(), Mobile = r.ReadSigned() };
        for (var i = 0; i < RuleIds.Count; i++)
        {
            totals.ByRule[i] = r.ReadSigned();
        }
        return totals;
    }

    private static void WriteWorking(BinaryWriter w, DayWorkingSet? working)
    {
        w.Write(working is not null);
        if (working is null)
        {
            return;
        }
        w.WriteOptionalList(working.Counterparts);
        w.WriteOptionalList(working.Sessions);
        w.WriteOptionalCount(working.AppPoints?.Length);
        if (working.AppPoints is { } appPoints)
        {
            w.Write(appPoints);
        }
    }

    private static DayWorkingSet? ReadWorking(BinaryReader r)
    {
        if (!r.ReadBoolean())
        {
            return null;
        }
        var working = new DayWorkingSet { Counterparts = r.ReadOptionalList(), Sessions = r.ReadOptionalList() };
        if (r.ReadOptionalCount() is { } apps)
        {
            working.AppPoints = r.ReadBytes(apps);
            if (working.AppPoints.Length != apps)
            {
                throw new EndOfStreamException();
            }
        }
        return working;
    }

    /// <summary>The next key of a sorted series; a key that does not grow means the bytes are not a snapshot.</summary>
    private static int NextKey(BinaryReader r, int previous, bool first)
    {
        var delta = r.ReadSigned();
        if (!first && delta <= 0)
        {
            throw new InvalidDataException($"period keys must grow; {previous} is followed by {previous + delta}");
        }
        return previous + delta;
    }
}
