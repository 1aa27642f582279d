using System.Net;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client.Tests;

/// <summary>A server stand-in: answers each request with what the test's function returns, keeping the request's body.</summary>
internal sealed class FakeHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    public FakeHandler(Func<HttpResponseMessage> respond) : this((_, _) => Task.FromResult(respond())) { }

    public HttpRequestMessage? Request { get; private set; }

    public byte[]? RequestBody { get; private set; }

    public int Calls { get; private set; }

    /// <summary>A gRPC response: the body, then <c>grpc-status</c> (and <c>grpc-message</c>) in the trailers.</summary>
    public static HttpResponseMessage Grpc(byte[] body, GrpcStatusCode status = GrpcStatusCode.Ok, string? message = null, string? encoding = null)
    {
        var response = Http(HttpStatusCode.OK, GrpcContentType.Default, body);
        if (encoding is not null)
        {
            response.Headers.TryAddWithoutValidation("grpc-encoding", encoding);
        }
        response.TrailingHeaders.TryAddWithoutValidation("grpc-status", ((int)status).ToString());
        if (message is not null)
        {
            response.TrailingHeaders.TryAddWithoutValidation("grpc-message", GrpcMessageText.Encode(message));
        }
        return response;
    }

    /// <summary>A trailers-only response: no body, the status in the headers.</summary>
    public static HttpResponseMessage TrailersOnly(GrpcStatusCode status, string message)
    {
        var response = Http(HttpStatusCode.OK, GrpcContentType.Default, []);
        response.Headers.TryAddWithoutValidation("grpc-status", ((int)status).ToString());
        response.Headers.TryAddWithoutValidation("grpc-message", GrpcMessageText.Encode(message));
        return response;
    }

    public static HttpResponseMessage Http(HttpStatusCode status, string contentType, byte[] body)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(body), Version = HttpVersion.Version20 };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        Request = request;
        RequestBody = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        return await respond(request, cancellationToken);
    }
}
