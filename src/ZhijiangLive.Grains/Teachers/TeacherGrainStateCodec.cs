using System.Runtime.InteropServices;
using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Scoring.Rubrics.Measures;
using ZhijiangLive.Scoring.State.Serialization;

namespace ZhijiangLive.Grains.Teachers;

/// <summary>
/// A <see cref="TeacherGrainState"/> as bytes, for durable snapshots. The ledger's notes are numbered per
/// process, so both directions take the cluster's <see cref="LedgerNotes"/> to turn numbers into text and back.
/// </summary>
/// <remarks>
/// Format 1, after its version byte: the scores (<see cref="TeacherStateCodec"/>, which has a version of
/// its own), the ledger (<see cref="RecentLedgerCodec"/>), the roster entry, the report sequence and the
/// last report. Absent values are a 0 byte; present ones a 1 and the value. Format 2 appends the rubric
/// measures (<see cref="TeacherMeasuresCodec"/>); format 1 is still read, as a teacher nothing was measured of.
/// </remarks>
public static class TeacherGrainStateCodec
{
    public const byte Version = 2;

    public static byte[] Serialize(TeacherGrainState state, LedgerNotes notes)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(Version);
            TeacherStateCodec.Write(w, state.Scores);
            RecentLedgerCodec.Write(w, state.Ledger, notes);
            WriteEntry(w, state.Entry);
            w.WriteSigned64(state.ReportSeq);
            WriteReport(w, state.LastReport);
            TeacherMeasuresCodec.Write(w, state.Measures);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Reads what <see cref="Serialize"/> wrote for <paramref name="teacherId"/>; bytes that are not such a
    /// snapshot, or are another teacher's, throw <see cref="InvalidDataException"/>.
    /// </summary>
    public static TeacherGrainState Deserialize(string teacherId, ReadOnlyMemory<byte> bytes, LedgerNotes notes)
    {
        using var stream = MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
        using var r = new BinaryReader(stream);
        try
        {
            var version = r.ReadByte();
            if (version is not (1 or Version))
            {
                throw new InvalidDataException($"teacher grain state format {version} is unknown; this build reads formats 1 to {Version}");
            }
            var scores = TeacherStateCodec.Read(r);
            if (!string.Equals(scores.TeacherId, teacherId, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"the snapshot belongs to teacher '{scores.TeacherId}', not '{teacherId}'");
            }
            var state = new TeacherGrainState(scores, RecentLedgerCodec.Read(r, notes))
            {
                Entry = ReadEntry(r),
                ReportSeq = r.ReadSigned64(),
                LastReport = ReadReport(r),
            };
            if (version >= 2)
            {
                state.Measures = TeacherMeasuresCodec.Read(r);
            }
            if (stream.Position != stream.Length)
            {
                throw new InvalidDataException($"{stream.Length - stream.Position} bytes follow the teacher grain state");
            }
            return state;
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            throw new InvalidDataException("the teacher grain state snapshot is truncated or corrupt", e);
        }
    }

    private static void WriteEntry(BinaryWriter w, TeacherEntry? entry)
    {
        w.Write(entry is not null);
        if (entry is null)
        {
            return;
        }
        w.WriteNullableString(entry.Id);
        w.WriteNullableString(entry.Name);
        w.WriteNullableString(entry.SchoolId);
        w.WriteNullableString(entry.Subject);
        w.Write(entry.Locked);
    }

    // The roster declares these strings non-null, but a snapshot must not be where that is enforced.
    private static TeacherEntry? ReadEntry(BinaryReader r) => r.ReadBoolean()
        ? new TeacherEntry(r.ReadNullableString()!, r.ReadNullableString()!, r.ReadNullableString()!, r.ReadNullableString()!, r.ReadBoolean())
        : null;

    private static void WriteReport(BinaryWriter w, TeacherChange? report)
    {
        w.Write(report.HasValue);
        if (report is not { } change)
        {
            return;
        }
        w.WriteNullableString(change.TeacherId);
        w.WriteSigned64(change.Seq);
        w.WriteNullableString(change.SchoolId);
        w.Write(change.Counted);
        w.WriteSigned(change.Keys.Day);
        w.WriteSigned(change.Keys.Month);
        w.WriteSigned(change.Keys.Year);
        w.WriteSigned(change.Scores.Day);
        w.WriteSigned(change.Scores.Month);
        w.WriteSigned(change.Scores.Year);
        w.WriteNullableString(change.CountyId);
        w.WriteNullableString(change.CityId);
    }

    private static TeacherChange? ReadReport(BinaryReader r) => r.ReadBoolean()
        ? new TeacherChange(
            r.ReadNullableString()!,
            r.ReadSigned64(),
            r.ReadNullableString()!,
            r.ReadBoolean(),
            new PeriodKeys(r.ReadSigned(), r.ReadSigned(), r.ReadSigned()),
            new PeriodScores(r.ReadSigned(), r.ReadSigned(), r.ReadSigned()),
            r.ReadNullableString(),
            r.ReadNullableString())
        : null;
}
