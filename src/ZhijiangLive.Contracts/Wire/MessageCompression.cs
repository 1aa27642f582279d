using System.Buffers;
using System.IO.Compression;

namespace ZhijiangLive.Contracts.Wire;

/// <summary>The message encodings this service accepts: identity and gzip.</summary>
public static class MessageCompression
{
    public const string Identity = "identity";
    public const string Gzip = "gzip";

    /// <summary>What our client advertises in <c>grpc-accept-encoding</c>.</summary>
    public const string Accepted = "identity,gzip";

    /// <summary>Inflates a gzip message, refusing one that would grow past <paramref name="maxMessageSize"/>.</summary>
    /// <exception cref="GrpcStatusException">RESOURCE_EXHAUSTED when too large, INTERNAL when not valid gzip.</exception>
    public static byte[] Decompress(ReadOnlySequence<byte> compressed, int maxMessageSize)
    {
        try
        {
            using var input = new GZipStream(new MemoryStream(compressed.ToArray()), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > maxMessageSize)
                {
                    throw new GrpcStatusException(GrpcStatusCode.ResourceExhausted,
                        $"decompressed message larger than max ({maxMessageSize})");
                }
                output.Write(chunk, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new GrpcStatusException(GrpcStatusCode.Internal, $"message is not valid gzip: {e.Message}");
        }
    }

    public static byte[] Compress(ReadOnlySpan<byte> message)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(message);
        }
        return output.ToArray();
    }
}
