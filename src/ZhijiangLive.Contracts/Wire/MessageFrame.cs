using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace ZhijiangLive.Contracts.Wire;

/// <summary>
/// gRPC's length-prefixed message: one flag byte (1 = compressed), a big-endian 32-bit length, then the
/// message. A message may arrive split over any number of DATA frames, or several in one.
/// </summary>
public static class MessageFrame
{
    public const int PrefixLength = 5;

    /// <summary>Writes <paramref name="message"/> with its prefix.</summary>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> message, bool compressed = false)
    {
        WritePrefix(output.GetSpan(PrefixLength), message.Length, compressed);
        output.Advance(PrefixLength);
        output.Write(message);
    }

    /// <summary>Serialises <paramref name="message"/> straight behind its (uncompressed) prefix, with no copy between.</summary>
    public static void Write(IBufferWriter<byte> output, IMessage message)
    {
        var size = message.CalculateSize();
        var frame = output.GetSpan(PrefixLength + size);
        WritePrefix(frame, size, compressed: false);
        message.WriteTo(frame.Slice(PrefixLength, size));
        output.Advance(PrefixLength + size);
    }

    /// <summary>The 5-byte prefix of a message of <paramref name="length"/> bytes, at the start of <paramref name="destination"/>.</summary>
    public static void WritePrefix(Span<byte> destination, int length, bool compressed)
    {
        destination[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }

    /// <summary>
    /// Takes one whole message off the front of <paramref name="buffer"/>. False when more bytes are needed;
    /// a prefix announcing more than <paramref name="maxMessageSize"/> bytes is refused before any of the
    /// body is awaited, and a flag other than 0 or 1 is refused outright.
    /// </summary>
    /// <exception cref="GrpcStatusException">RESOURCE_EXHAUSTED for an oversize message, INTERNAL for a bad flag.</exception>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, int maxMessageSize, out ReadOnlySequence<byte> message, out bool compressed)
    {
        message = default;
        compressed = false;
        if (buffer.Length < PrefixLength)
        {
            return false;
        }
        Span<byte> prefix = stackalloc byte[PrefixLength];
        buffer.Slice(0, PrefixLength).CopyTo(prefix);
        compressed = prefix[0] switch
        {
            0 => false,
            1 => true,
            var flag => throw new GrpcStatusException(GrpcStatusCode.Internal, $"invalid compressed-flag byte {flag} in a message prefix"),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(prefix[1..]);
        if (length > (uint)maxMessageSize)
        {
            throw new GrpcStatusException(GrpcStatusCode.ResourceExhausted,
                $"received message larger than max ({length} vs. {maxMessageSize})");
        }
        if (buffer.Length - PrefixLength < length)
        {
            return false;
        }
        message = buffer.Slice(PrefixLength, length);
        buffer = buffer.Slice(PrefixLength + length);
        return true;
    }
}
