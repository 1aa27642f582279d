namespace ZhijiangLive.Scoring.State.Serialization;

/// <summary>
/// A whole <see cref="TeacherState"/> as bytes, for durable snapshots: what a restart restores instead of
/// replaying the teacher's journal from its first event. Equal states write equal bytes (sets and
/// dictionaries go in ordinal order), so a snapshot can be compared with the one written before it.
/// </summary>
/// <remarks>
/// Format 1, after its version byte: the rule count (per-rule points are written in rule index order, so a
/// build with other rules must not take them), the teacher id, horizon day, profile flag and lifetime
/// totals; days, months and years (<see cref="PeriodSeriesCodec"/>); login runs; decided task fingerprints,
/// 8 bytes each, little-endian; resources, then tasks (<see cref="RecordsCodec"/>). Integers are zigzag
/// varints (<see cref="BinaryFormat"/>), strings UTF-8 after their byte length.
/// </remarks>
public static class TeacherStateCodec
{
    public const byte Version = 1;

    public static void Write(BinaryWriter w, TeacherState state)
    {
        w.Write(Version);
        w.Write((byte)RuleIds.Count);
        w.Write(state.TeacherId);
        w.WriteSigned(state.HorizonDay);
        w.Write(state.ProfileCompleted);
        PeriodSeriesCodec.WriteTotals(w, state.Lifetime);
        PeriodSeriesCodec.Write(w, state.Days);
        PeriodSeriesCodec.Write(w, state.Months);
        PeriodSeriesCodec.Write(w, state.Years);
        WriteLogins(w, state.Logins);
        WriteDecided(w, state.DecidedTasks);
        RecordsCodec.WriteResources(w, state.Resources);
        RecordsCodec.WriteTasks(w, state.Tasks);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; bytes that are not such a snapshot throw <see cref="InvalidDataException"/>.</summary>
    public static TeacherState Read(BinaryReader r)
    {
        try
        {
            var version = r.ReadByte();
            if (version != Version)
            {
                throw new InvalidDataException($"teacher state format {version} is unknown; this build reads format {Version}");
            }
            var rules = r.ReadByte();
            if (rules != RuleIds.Count)
            {
                throw new InvalidDataException($"the snapshot has points for {rules} rules; this build has {RuleIds.Count}");
            }
            var state = new TeacherState(r.ReadString())
            {
                HorizonDay = r.ReadSigned(),
                ProfileCompleted = r.ReadBoolean(),
                Lifetime = PeriodSeriesCodec.ReadTotals(r),
            };
            PeriodSeriesCodec.Read(r, state.Days);
            PeriodSeriesCodec.Read(r, state.Months);
            PeriodSeriesCodec.Read(r, state.Years);
            ReadLogins(r, state.Logins);
            ReadDecided(r, state.DecidedTasks);
            state.Resources = RecordsCodec.ReadResources(r);
            state.Tasks = RecordsCodec.ReadTasks(r);
            return state;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            throw new InvalidDataException("the teacher state snapshot is truncated or corrupt", e);
        }
    }

    // Each run as its gap from the previous one and its length, a byte or two each rather than two absolute days.
    private static void WriteLogins(BinaryWriter w, LoginDays logins)
    {
        var previousLast = 0;
        w.WriteCount(logins.Runs.Count);
        foreach (var (first, last) in logins.Runs)
        {
            w.WriteSigned(first - previousLast);
            w.Write7BitEncodedInt(last - first);
            previousLast = last;
        }
    }

    private static void ReadLogins(BinaryReader r, LoginDays logins)
    {
        var previousLast = 0;
        var count = r.ReadCount();
        for (var i = 0; i < count; i++)
        {
            var first = previousLast + r.ReadSigned();
            var length = r.Read7BitEncodedInt();
            var last = first + length;
            if (length < 0 || (i > 0 && first <= previousLast + 1))
            {
                throw new InvalidDataException($"login runs must be sorted and apart; day {first} follows a run ending on {previousLast}");
            }
            logins.AppendRun(first, last);
            previousLast = last;
        }
    }

    private static void WriteDecided(BinaryWriter w, DecidedTasks decided)
    {
        w.WriteCount(decided.Count);
        foreach (var fingerprint in decided.Fingerprints)
        {
            w.Write(fingerprint);
        }
    }

    private static void ReadDecided(BinaryReader r, DecidedTasks decided)
    {
        var fingerprints = new ulong[r.ReadCount()];
        for (var i = 0; i < fingerprints.Length; i++)
        {
            fingerprints[i] = r.ReadUInt64();
            if (i > 0 && fingerprints[i] <= fingerprints[i - 1])
            {
                throw new InvalidDataException("decided task fingerprints must be ascending and distinct");
            }
        }
        decided.Restore(fingerprints);
    }
}
