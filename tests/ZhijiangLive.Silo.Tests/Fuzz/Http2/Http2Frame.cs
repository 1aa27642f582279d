using System.Buffers.Binary;

namespace ZhijiangLive.Silo.Tests.Fuzz.Http2;

/// <summary>The HTTP/2 frame types a test client meets (RFC 9113 §6).</summary>
internal enum FrameType : byte
{
    Data = 0x0,
    Headers = 0x1,
    Priority = 0x2,
    RstStream = 0x3,
    Settings = 0x4,
    PushPromise = 0x5,
    Ping = 0x6,
    GoAway = 0x7,
    WindowUpdate = 0x8,
    Continuation = 0x9,
}

/// <summary>The flag bits, by the frame types that use them.</summary>
internal static class FrameFlags
{
    public const byte EndStream = 0x1;
    public const byte Ack = 0x1;
    public const byte EndHeaders = 0x4;
    public const byte Padded = 0x8;
    public const byte Priority = 0x20;
}

/// <summary>HTTP/2 error codes (RFC 9113 §7), as RST_STREAM and GOAWAY carry them.</summary>
internal enum Http2Error : uint
{
    NoError = 0x0,
    ProtocolError = 0x1,
    InternalError = 0x2,
    FlowControlError = 0x3,
    SettingsTimeout = 0x4,
    StreamClosed = 0x5,
    FrameSizeError = 0x6,
    RefusedStream = 0x7,
    Cancel = 0x8,
    CompressionError = 0x9,
    ConnectError = 0xa,
    EnhanceYourCalm = 0xb,
    InadequateSecurity = 0xc,
    Http11Required = 0xd,
}

/// <summary>One frame: its 9-byte header's fields and its payload.</summary>
internal sealed record Http2Frame(FrameType Type, byte Flags, int StreamId, byte[] Payload)
{
    public const int HeaderLength = 9;

    public bool Has(byte flag) => (Flags & flag) != 0;

    /// <summary>The frame as it goes on the wire.</summary>
    public byte[] Encode()
    {
        var bytes = new byte[HeaderLength + Payload.Length];
        bytes[0] = (byte)(Payload.Length >> 16);
        bytes[1] = (byte)(Payload.Length >> 8);
        bytes[2] = (byte)Payload.Length;
        bytes[3] = (byte)Type;
        bytes[4] = Flags;
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(5), StreamId & int.MaxValue);
        Payload.CopyTo(bytes, HeaderLength);
        return bytes;
    }

    /// <summary>The next frame from <paramref name="stream"/>, or null at the end of the connection.</summary>
    public static async Task<Http2Frame?> ReadAsync(Stream stream, CancellationToken cancellation)
    {
        var header = new byte[HeaderLength];
        if (!await FillAsync(stream, header, cancellation))
        {
            return null;
        }
        var length = (header[0] << 16) | (header[1] << 8) | header[2];
        var payload = new byte[length];
        if (!await FillAsync(stream, payload, cancellation))
        {
            return null;
        }
        return new Http2Frame((FrameType)header[3], header[4], BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5)) & int.MaxValue, payload);
    }

    public static Http2Frame Settings(params (ushort Id, uint Value)[] settings)
    {
        var payload = new byte[settings.Length * 6];
        for (var i = 0; i < settings.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(i * 6), settings[i].Id);
            BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(i * 6 + 2), settings[i].Value);
        }
        return new Http2Frame(FrameType.Settings, 0, 0, payload);
    }

    public static Http2Frame RstStream(int streamId, Http2Error error) =>
        new(FrameType.RstStream, 0, streamId, ErrorCode(error));

    public static Http2Frame WindowUpdate(int streamId, int increment)
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(payload, increment);
        return new Http2Frame(FrameType.WindowUpdate, 0, streamId, payload);
    }

    private static byte[] ErrorCode(Http2Error error)
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(payload, (uint)error);
        return payload;
    }

    private static async Task<bool> FillAsync(Stream stream, byte[] buffer, CancellationToken cancellation)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellation);
            if (read == 0)
            {
                return false;
            }
            filled += read;
        }
        return true;
    }
}
