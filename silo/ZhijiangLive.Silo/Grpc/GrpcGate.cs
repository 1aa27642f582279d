using System.Globalization;
using Grpc.AspNetCore.Server;
using Grpc.Core;

namespace ZhijiangLive.Silo.Grpc;

/// <summary>
/// The middleware in front of Grpc.AspNetCore's endpoints: gRPC is served on the gRPC listener only, and a
/// call is admitted by its service's <see cref="GrpcAccessAttribute"/> and its credentials before anything
/// of its body is read (<see cref="GrpcAdmission"/>). A refusal is trailers-only: the status travels in the
/// one HEADERS frame, which ends the stream. It also counts the calls in progress.
/// </summary>
public sealed class GrpcGate(GrpcEndpoint listener, GrpcAdmission admission)
{
    private int _activeCalls;

    /// <summary>Calls whose handler is running now: a reset stream or a passed deadline takes its call off.</summary>
    public int ActiveCalls => Volatile.Read(ref _activeCalls);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var endpoint = context.GetEndpoint();
        var method = endpoint?.Metadata.GetMetadata<GrpcMethodMetadata>();
        var onListener = listener.Serves(context);
        if (method is null)
        {
            // What is not a gRPC method: the HTTP API's on its own port; on the gRPC port, Grpc.AspNetCore's
            // UNIMPLEMENTED for a gRPC request and 404 for anything else.
            if (onListener && !IsGrpcRequest(context))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(context);
            return;
        }
        if (!onListener)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var access = endpoint!.Metadata.GetMetadata<GrpcAccessAttribute>();
        if (access is null)
        {
            RefuseTrailersOnly(context.Response, new Status(StatusCode.PermissionDenied,
                $"{method.Method.ServiceName} has no access decision; it is served to no one"));
            return;
        }
        var path = context.Request.Path.Value ?? "";
        if (admission.Admit(access.Access, method.Method.ServiceName, path, context.Request.Headers.Authorization.ToString(), out var principal) is { } refused)
        {
            RefuseTrailersOnly(context.Response, refused);
            return;
        }
        if (principal is not null)
        {
            context.Features.Set(new GrpcCaller(principal));
        }
        Interlocked.Increment(ref _activeCalls);
        try
        {
            await next(context);
        }
        finally
        {
            Interlocked.Decrement(ref _activeCalls);
        }
    }

    private static bool IsGrpcRequest(HttpContext context) =>
        context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    private static void RefuseTrailersOnly(HttpResponse response, Status status)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture);
        // The gRPC spec's percent-encoding: an encoder may escape more than it must, as this one does.
        response.Headers["grpc-message"] = Uri.EscapeDataString(status.Detail);
    }
}
