using System.Buffers;
using Google.Protobuf;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client.Tests;

/// <summary>Response bodies as a gRPC server would frame them.</summary>
internal static class Frames
{
    public static byte[] Of(params IMessage[] messages) => Framed(false, messages);

    public static byte[] Gzipped(params IMessage[] messages) => Framed(true, messages);

    private static byte[] Framed(bool compress, IMessage[] messages)
    {
        var output = new ArrayBufferWriter<byte>();
        foreach (var message in messages)
        {
            var bytes = message.ToByteArray();
            MessageFrame.Write(output, compress ? MessageCompression.Compress(bytes) : bytes, compress);
        }
        return output.WrittenSpan.ToArray();
    }
}
