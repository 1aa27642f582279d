using ZhijiangLive.Scoring.State;
using ZhijiangLive.Scoring.State.Serialization;

namespace ZhijiangLive.Scoring.Tests.Properties;

/// <summary>A teacher state written with <see cref="TeacherStateCodec"/> and read back, as a restart would.</summary>
public static class Snapshot
{
    public static byte[] Bytes(TeacherState state)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            TeacherStateCodec.Write(w, state);
        }
        return stream.ToArray();
    }

    /// <summary>Reads <paramref name="bytes"/>, asserting that the codec read every one of them.</summary>
    public static TeacherState Read(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        var state = TeacherStateCodec.Read(r);
        Assert.Equal(bytes.Length, r.BaseStream.Position);
        return state;
    }

    /// <summary>The state restored from a snapshot of <paramref name="state"/>, checked to write the same bytes and digest.</summary>
    public static TeacherState RoundTrip(TeacherState state)
    {
        var bytes = Bytes(state);
        var restored = Read(bytes);
        Assert.Equal(bytes, Bytes(restored));
        Assert.Equal(StateDigest.Of(state), StateDigest.Of(restored));
        return restored;
    }
}
