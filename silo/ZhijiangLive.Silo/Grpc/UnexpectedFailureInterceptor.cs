using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ZhijiangLive.Silo.Grpc;

/// <summary>
/// What a handler throws that is not an <see cref="RpcException"/>: a request message of a stream that does
/// not parse is INTERNAL naming the message; anything else is a bug, logged here and answered INTERNAL
/// with a pointer to the log rather than Grpc.AspNetCore's UNKNOWN.
/// </summary>
public sealed class UnexpectedFailureInterceptor(ILogger<UnexpectedFailureInterceptor> logger) : Interceptor
{
    public const string SeeTheLog = "the server failed to complete the call; see its log";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (Unexpected(e, context))
        {
            throw Translate(e, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e) when (Unexpected(e, context))
        {
            throw Translate(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (Unexpected(e, context))
        {
            throw Translate(e, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e) when (Unexpected(e, context))
        {
            throw Translate(e, context);
        }
    }

    /// <summary>Statuses pass through; so does whatever ends a call the client or the deadline already ended.</summary>
    private static bool Unexpected(Exception e, ServerCallContext context) =>
        e is not RpcException && !context.CancellationToken.IsCancellationRequested;

    private RpcException Translate(Exception e, ServerCallContext context)
    {
        if (e is InvalidProtocolBufferException parse)
        {
            return new RpcException(new Status(StatusCode.Internal, $"a request message of {context.Method} does not parse: {parse.Message}"));
        }
        logger.LogError(e, "gRPC call {Method} failed", context.Method);
        return new RpcException(new Status(StatusCode.Internal, SeeTheLog));
    }
}
