using System.Net.Http.Headers;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client;

/// <summary>The headers of a gRPC request, added without HttpClient's parsing since the values are known good.</summary>
internal static class RequestHeaders
{
    public static void Apply(
        HttpRequestHeaders headers,
        string userAgent,
        TimeSpan? timeout,
        bool compressed,
        IReadOnlyList<KeyValuePair<string, string>>? clientMetadata,
        IReadOnlyList<KeyValuePair<string, string>>? callMetadata)
    {
        headers.TryAddWithoutValidation("TE", "trailers");
        headers.TryAddWithoutValidation("User-Agent", userAgent);
        headers.TryAddWithoutValidation("grpc-accept-encoding", MessageCompression.Accepted);
        if (compressed)
        {
            headers.TryAddWithoutValidation("grpc-encoding", MessageCompression.Gzip);
        }
        if (timeout is { } value)
        {
            headers.TryAddWithoutValidation("grpc-timeout", GrpcTimeout.Format(value));
        }
        AddMetadata(headers, clientMetadata);
        AddMetadata(headers, callMetadata);
    }

    private static void AddMetadata(HttpRequestHeaders headers, IReadOnlyList<KeyValuePair<string, string>>? metadata)
    {
        if (metadata is null)
        {
            return;
        }
        for (var i = 0; i < metadata.Count; i++)
        {
            var (name, value) = metadata[i];
            if (!headers.TryAddWithoutValidation(name, value))
            {
                throw new ArgumentException($"'{name}' cannot be sent as call metadata", nameof(metadata));
            }
        }
    }
}
