namespace ZhijiangLive.Silo.Tests.Fuzz.Http2;

/// <summary>gRPC requests on a <see cref="RawHttp2Connection"/>: the headers a client sends, and a call sent whole.</summary>
internal static class GrpcOverRawHttp2
{
    /// <summary>The longest a test waits for one response before calling the server stuck.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(15);

    /// <summary>A well-formed gRPC request's headers, with the platform key, then <paramref name="extra"/>.</summary>
    public static List<(string Name, string Value)> Headers(
        Uri address, string path, string contentType = "application/grpc", params (string Name, string Value)[] extra) =>
    [
        (":method", "POST"), (":scheme", "http"), (":authority", $"{address.Host}:{address.Port}"), (":path", path),
        ("content-type", contentType), ("te", "trailers"), ("authorization", $"Bearer {TestCredentials.PlatformKey}"),
        .. extra,
    ];

    /// <summary>The same headers presenting another platform key.</summary>
    public static List<(string Name, string Value)> WithKey(this List<(string Name, string Value)> headers, string key) =>
        [.. headers.Select(h => h.Name == "authorization" ? (h.Name, $"Bearer {key}") : h)];

    /// <summary>Sends headers and body (in DATA frames of <paramref name="pieceSize"/>) and waits for the stream to end.</summary>
    public static async Task<Http2Exchange> CallAsync(
        this RawHttp2Connection connection, IReadOnlyList<(string Name, string Value)> headers, byte[] body, int pieceSize = int.MaxValue)
    {
        var exchange = await connection.OpenAsync(headers, endStream: body.Length == 0);
        if (body.Length > 0)
        {
            await connection.SendDataAsync(exchange.StreamId, body, endStream: true, pieceSize);
        }
        await exchange.Ended.WaitAsync(ResponseTimeout);
        return exchange;
    }

    /// <summary>Everything the server sends on a bare TCP connection until it closes it (within the response timeout).</summary>
    public static async Task<byte[]> ReadUntilClosedAsync(Stream stream)
    {
        using var timeout = new CancellationTokenSource(ResponseTimeout);
        using var all = new MemoryStream();
        await stream.CopyToAsync(all, timeout.Token);
        return all.ToArray();
    }
}
