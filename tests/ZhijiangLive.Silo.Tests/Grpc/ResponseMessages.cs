using Google.Protobuf;

namespace ZhijiangLive.Silo.Tests.Grpc;

/// <summary>The length-prefixed gRPC messages of a response body that a test read whole.</summary>
internal static class ResponseMessages
{
    public static List<T> Parse<T>(byte[] body, MessageParser<T> parser) where T : IMessage<T> =>
        GrpcWire.Messages(body).Select(parser.ParseFrom).ToList();
}
