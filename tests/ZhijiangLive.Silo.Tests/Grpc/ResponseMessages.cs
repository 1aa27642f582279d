using System.Buffers;
using Google.Protobuf;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Silo.Tests.Grpc;

/// <summary>The length-prefixed gRPC messages of a response body that a test read whole.</summary>
internal static class ResponseMessages
{
    public static List<T> Parse<T>(byte[] body, MessageParser<T> parser) where T : IMessage<T>
    {
        var messages = new List<T>();
        var buffer = new ReadOnlySequence<byte>(body);
        while (MessageFrame.TryRead(ref buffer, int.MaxValue, out var message, out _))
        {
            messages.Add(parser.ParseFrom(message));
        }
        return messages;
    }
}
