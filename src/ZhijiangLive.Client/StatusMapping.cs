using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client;

/// <summary>How a response says how its call ended: its HTTP status and content type, then grpc-status.</summary>
internal static class StatusMapping
{
    /// <summary>The code for an HTTP status other than 200, as grpc's http-grpc-status-mapping.md gives it.</summary>
    public static GrpcStatusCode FromHttpStatus(HttpStatusCode status) => (int)status switch
    {
        400 => GrpcStatusCode.Internal,
        401 => GrpcStatusCode.Unauthenticated,
        403 => GrpcStatusCode.PermissionDenied,
        404 => GrpcStatusCode.Unimplemented,
        429 or 502 or 503 or 504 => GrpcStatusCode.Unavailable,
        _ => GrpcStatusCode.Unknown,
    };

    /// <summary>The status of a response that is not a gRPC response at all; null for one that is.</summary>
    public static GrpcStatus? FromResponseHeaders(HttpResponseMessage response)
    {
        var contentType = Single(response.Content.Headers, "Content-Type");
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new GrpcStatus(FromHttpStatus(response.StatusCode),
                $"HTTP status {(int)response.StatusCode} {response.ReasonPhrase} (content-type '{contentType}')");
        }
        if (!GrpcContentType.IsGrpc(contentType))
        {
            return new GrpcStatus(GrpcStatusCode.Unknown, $"HTTP status 200 but content-type '{contentType}', not {GrpcContentType.Default}");
        }
        return null;
    }

    /// <summary>
    /// The status at the end of a response: from its trailers, or from its headers when the server answered
    /// trailers-only. A response without one ended abnormally.
    /// </summary>
    public static GrpcStatus FromTrailers(HttpResponseMessage response)
    {
        HttpHeaders source = response.TrailingHeaders;
        var code = Single(source, "grpc-status");
        if (code is null)
        {
            source = response.Headers;
            code = Single(source, "grpc-status");
        }
        if (code is null)
        {
            return new GrpcStatus(GrpcStatusCode.Internal, "response ended without a grpc-status");
        }
        if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return new GrpcStatus(GrpcStatusCode.Internal, $"malformed grpc-status '{code}'");
        }
        var message = Single(source, "grpc-message");
        return new GrpcStatus(
            number <= (int)GrpcStatusCode.Unauthenticated ? (GrpcStatusCode)number : GrpcStatusCode.Unknown,
            message is null ? "" : GrpcMessageText.Decode(message));
    }

    /// <summary>The response's <c>grpc-encoding</c>, which says how its flagged messages are compressed.</summary>
    public static string? Encoding(HttpResponseMessage response) => Single(response.Headers, "grpc-encoding");

    private static string? Single(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;
}
