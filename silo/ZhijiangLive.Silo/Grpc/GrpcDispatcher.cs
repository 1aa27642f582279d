using Microsoft.Extensions.Primitives;
using ZhijiangLive.Contracts.Wire;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Grpc;

/// <summary>
/// The gRPC server over Kestrel's HTTP/2, after grpc/grpc's PROTOCOL-HTTP2: checks what a request must be
/// (POST, an application/grpc content type, a known method, a supported message encoding, a well-formed
/// deadline), admits the caller by its credentials (<see cref="GrpcAdmission"/>), runs the method, and
/// ends every call with grpc-status and grpc-message — in trailers, or in the headers alone
/// (trailers-only) when nothing was sent.
/// </summary>
public sealed class GrpcDispatcher(GrpcMethods methods, GrpcAdmission admission, GrpcServerOptions options, ILogger<GrpcDispatcher> logger)
{
    private int _activeCalls;

    /// <summary>Calls whose handler is running now: a reset stream or a passed deadline takes its call off.</summary>
    public int ActiveCalls => Volatile.Read(ref _activeCalls);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "POST";
            EndWithoutBody(response, new GrpcStatus(GrpcStatusCode.Internal, $"gRPC requires POST, not {request.Method}"));
            return;
        }
        if (!GrpcContentType.IsGrpc(request.ContentType))
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            EndWithoutBody(response, new GrpcStatus(GrpcStatusCode.Internal, $"content-type '{request.ContentType}' is not application/grpc"));
            return;
        }
        response.ContentType = GrpcContentType.Default;
        response.Headers["grpc-accept-encoding"] = MessageCompression.Accepted;

        var method = methods.Find(request.Path.Value ?? "", out var serviceKnown);
        if (method is null)
        {
            var service = GrpcMethods.ServiceOf(request.Path.Value ?? "");
            EndWithoutBody(response, new GrpcStatus(GrpcStatusCode.Unimplemented, serviceKnown
                ? $"method '{request.Path}' is not implemented"
                : $"service '{service}' is not implemented"));
            return;
        }
        var encoding = request.Headers["grpc-encoding"].ToString();
        if (!MessageCompression.IsSupported(encoding))
        {
            EndWithoutBody(response, new GrpcStatus(GrpcStatusCode.Unimplemented,
                $"message encoding '{encoding}' is not supported; this server accepts {MessageCompression.Accepted}"));
            return;
        }
        var timeoutHeader = request.Headers["grpc-timeout"];
        TimeSpan? timeout = null;
        if (!StringValues.IsNullOrEmpty(timeoutHeader))
        {
            if (!GrpcTimeout.TryParse(timeoutHeader.ToString(), out var parsed))
            {
                EndWithoutBody(response, new GrpcStatus(GrpcStatusCode.InvalidArgument,
                    $"grpc-timeout '{timeoutHeader}' is not 1 to 8 digits followed by H, M, S, m, u or n"));
                return;
            }
            timeout = parsed;
        }
        // Last of the header checks, so that a malformed request gets the same answer with or without
        // credentials; and before the body, so that nothing of an unadmitted request is read.
        if (admission.Admit(method, request.Path.Value!, request.Headers.Authorization.ToString(), out var principal) is { } refused)
        {
            EndWithoutBody(response, refused);
            return;
        }
        await RunAsync(context, method.Handler, principal, encoding == MessageCompression.Gzip, timeout);
    }

    private async Task RunAsync(HttpContext context, GrpcHandler handler, Principal? principal, bool gzipRequest, TimeSpan? timeout)
    {
        using var deadline = new CancellationTokenSource();
        // A timer waits at most uint.MaxValue - 1 ms (about 49.7 days); a deadline further off than that
        // would fail the call before it starts, so it is taken as none: no call lives that long.
        if (timeout is { } t && t.TotalMilliseconds <= uint.MaxValue - 1)
        {
            deadline.CancelAfter(t);
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, context.RequestAborted);
        var call = new GrpcCall(context, principal, gzipRequest, options.MaxMessageSize, linked.Token);
        GrpcStatus status;
        Interlocked.Increment(ref _activeCalls);
        try
        {
            await handler(call);
            status = GrpcStatus.Ok;
        }
        catch (GrpcStatusException e)
        {
            status = e.Status;
        }
        catch (Exception e) when (context.RequestAborted.IsCancellationRequested || (e is OperationCanceledException c && c.CancellationToken == context.RequestAborted))
        {
            // The client reset the stream: there is no one left to tell.
            return;
        }
        catch (Exception) when (deadline.IsCancellationRequested)
        {
            status = new GrpcStatus(GrpcStatusCode.DeadlineExceeded, $"deadline of {GrpcTimeout.Format(timeout!.Value)} exceeded");
        }
        catch (Exception e)
        {
            logger.LogError(e, "gRPC call {Path} failed", context.Request.Path);
            status = new GrpcStatus(GrpcStatusCode.Internal, "the server failed to complete the call; see its log");
        }
        finally
        {
            Interlocked.Decrement(ref _activeCalls);
        }
        End(context.Response, status);
    }

    private static void End(HttpResponse response, GrpcStatus status)
    {
        if (!response.HasStarted)
        {
            EndWithoutBody(response, status);
            return;
        }
        response.AppendTrailer("grpc-status", ((int)status.Code).ToString());
        if (status.Message.Length > 0)
        {
            response.AppendTrailer("grpc-message", GrpcMessageText.Encode(status.Message));
        }
    }

    /// <summary>Trailers-only: the status travels in the one HEADERS frame, which ends the stream.</summary>
    private static void EndWithoutBody(HttpResponse response, GrpcStatus status)
    {
        response.ContentType ??= GrpcContentType.Default;
        response.Headers["grpc-status"] = ((int)status.Code).ToString();
        if (status.Message.Length > 0)
        {
            response.Headers["grpc-message"] = GrpcMessageText.Encode(status.Message);
        }
    }
}
