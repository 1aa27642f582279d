using Grpc.Core;
using ZhijiangLive.Silo.Tests.Fuzz.Http2;
using ZhijiangLive.Silo.Tests.Grpc;

namespace ZhijiangLive.Silo.Tests.Fuzz;

/// <summary>Whether what came back for a fuzz case is an answer the server may give, and a label to count it under.</summary>
internal static class FuzzVerdict
{
    /// <summary>gRPC statuses a malformed or unauthorised request may get; never UNAVAILABLE, DATA_LOSS and the like.</summary>
    public static readonly StatusCode[] AllowedStatuses =
    [
        StatusCode.OK, StatusCode.InvalidArgument, StatusCode.DeadlineExceeded, StatusCode.NotFound,
        StatusCode.PermissionDenied, StatusCode.ResourceExhausted, StatusCode.Unimplemented,
        StatusCode.Internal, StatusCode.Unauthenticated,
        // Grpc.AspNetCore's answer to a unary request it cannot read, before any handler of ours runs.
        StatusCode.Unknown,
    ];

    /// <summary>What a broken HTTP/2 request may end its connection with.</summary>
    public static readonly Http2Error[] AllowedConnectionErrors = [Http2Error.ProtocolError, Http2Error.CompressionError];

    /// <summary>The server's answer to an exception it did not expect (UnexpectedFailureInterceptor): a fuzz case that gets it has found a bug.</summary>
    public const string UnexpectedFailure = "see its log";

    /// <summary>Null when the answer is allowed, else why not; <paramref name="label"/> names the answer either way.</summary>
    /// <remarks>
    /// A connection error whose connection the server ended without a GOAWAY we could read counts as refused:
    /// the server closes its socket on the error while the request's last pieces are still arriving, the kernel
    /// answers them with a reset, and the reset discards the GOAWAY that was already on its way. What such a
    /// case must not get, an answer on its stream, is still judged below.
    /// </remarks>
    public static string? Judge(FuzzCase fuzz, Http2Exchange exchange, Task<GoAway?> closed, bool endedByServer, out string label)
    {
        var end = exchange.HasEnded ? exchange.Ended.Result : (StreamEnd?)null;
        if (fuzz.Kind == FuzzKind.ConnectionError && end != StreamEnd.Completed)
        {
            var goAway = closed.IsCompleted ? closed.Result : null;
            var closedWithoutGoAway = goAway is null && end == StreamEnd.ConnectionEnded && endedByServer;
            label = end == StreamEnd.Reset ? $"reset {exchange.ResetCode}"
                : closedWithoutGoAway ? "closed by the server, no GOAWAY read" : $"GOAWAY {goAway?.Error.ToString() ?? "(none)"}";
            return (end == StreamEnd.Reset && exchange.ResetCode == Http2Error.ProtocolError)
                || (goAway is not null && AllowedConnectionErrors.Contains(goAway.Error))
                || closedWithoutGoAway
                ? null : "not refused as a connection or stream error";
        }
        if (end != StreamEnd.Completed)
        {
            label = end is null ? "no answer" : $"{end} {exchange.ResetCode} {(closed.IsCompleted ? closed.Result : null)}";
            return "the stream was not answered";
        }
        var status = exchange.Status;
        label = $"HTTP {exchange.HttpStatus} {status?.ToString() ?? "-"}";
        return exchange.HttpStatus switch
        {
            200 when exchange.Header("content-type") != GrpcWire.ContentType => "a 200 without content-type application/grpc",
            200 or 405 or 415 when status is null => "no grpc-status",
            200 or 405 or 415 when !AllowedStatuses.Contains(status!.Value) => $"grpc-status {status} is not among the allowed",
            200 or 405 or 415 when exchange.GrpcMessage.Contains(UnexpectedFailure) => "the server failed unexpectedly",
            200 or 405 or 415 => null,
            // A path that is no /service/method at all: not a gRPC call, so no gRPC answer.
            404 => null,
            _ => $"HTTP {exchange.HttpStatus}",
        };
    }
}
