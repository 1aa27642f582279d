using System.Buffers.Binary;
using System.IO.Compression;

namespace ZhijiangLive.Silo.Tests.Grpc;

/// <summary>
/// gRPC's wire format, by hand, for tests that send what no library would (a bad flag, a lying length) or read
/// a response body byte for byte: a flag byte (1 = compressed), a big-endian 32-bit length, then the message.
/// </summary>
internal static class GrpcWire
{
    public const int PrefixLength = 5;
    public const string ContentType = "application/grpc";

    public static void WritePrefix(Span<byte> destination, int length, bool compressed)
    {
        destination[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }

    public static byte[] Frame(ReadOnlySpan<byte> message, bool compressed = false)
    {
        var frame = new byte[PrefixLength + message.Length];
        WritePrefix(frame, message.Length, compressed);
        message.CopyTo(frame.AsSpan(PrefixLength));
        return frame;
    }

    public static byte[] Gzip(ReadOnlySpan<byte> message)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(message);
        }
        return output.ToArray();
    }

    /// <summary>The messages of a whole body, in order; a trailing partial message is left out.</summary>
    public static List<byte[]> Messages(byte[] body)
    {
        var messages = new List<byte[]>();
        var at = 0;
        while (body.Length - at >= PrefixLength)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(at + 1));
            if (body.Length - at - PrefixLength < length)
            {
                break;
            }
            messages.Add(body.AsSpan(at + PrefixLength, length).ToArray());
            at += PrefixLength + length;
        }
        return messages;
    }

    /// <summary><c>grpc-message</c> is percent-encoded UTF-8; a malformed escape stays as it stands.</summary>
    public static string DecodeMessage(string encoded) => Uri.UnescapeDataString(encoded);
}
