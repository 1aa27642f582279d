using System.Net.Sockets;
using Google.Protobuf;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client;

/// <summary>The status of a call that failed below gRPC: a connection that broke, a stream the server reset.</summary>
internal static class TransportErrors
{
    public static GrpcStatus ToStatus(Exception error)
    {
        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpProtocolException reset)
            {
                return new GrpcStatus(FromHttp2ErrorCode(reset.ErrorCode), reset.Message);
            }
        }
        return error switch
        {
            GrpcStatusException status => status.Status,
            InvalidProtocolBufferException => new GrpcStatus(GrpcStatusCode.Internal, error.Message),
            HttpRequestException or IOException or SocketException => new GrpcStatus(GrpcStatusCode.Unavailable, Describe(error)),
            OperationCanceledException => new GrpcStatus(GrpcStatusCode.Cancelled, error.Message),
            _ => new GrpcStatus(GrpcStatusCode.Unknown, $"{error.GetType().Name}: {error.Message}"),
        };
    }

    /// <summary>The code for an HTTP/2 RST_STREAM or GOAWAY error, as grpc's PROTOCOL-HTTP2.md gives it.</summary>
    public static GrpcStatusCode FromHttp2ErrorCode(long code) => code switch
    {
        0x7 => GrpcStatusCode.Unavailable, // REFUSED_STREAM: not processed, safe to retry
        0x8 => GrpcStatusCode.Cancelled,
        0xB => GrpcStatusCode.ResourceExhausted, // ENHANCE_YOUR_CALM
        0xC => GrpcStatusCode.PermissionDenied, // INADEQUATE_SECURITY
        _ => GrpcStatusCode.Internal,
    };

    private static string Describe(Exception error) =>
        error.InnerException is { } inner ? $"{error.Message} ({inner.Message})" : error.Message;
}
