using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;

namespace ZhijiangLive.Silo.Tests.Grpc;

/// <summary>
/// gRPC requests built by hand over HTTP/2 cleartext, so a test can send what no well-behaved client
/// would (a wrong content type, a bad flag byte, an oversize prefix) and read exactly what came back.
/// Unless told not to (<paramref name="authenticate"/>) or given an <c>authorization</c> header, a request
/// carries the credential its service takes: the province's token on Query, the platform key elsewhere.
/// </summary>
internal sealed class RawGrpc(Uri address, bool authenticate = true) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler()) { BaseAddress = address };
    private readonly string _token = TestCredentials.ProvinceToken;

    public static byte[] Frame(IMessage message, bool gzip = false)
    {
        var bytes = message.ToByteArray();
        return GrpcWire.Frame(gzip ? GrpcWire.Gzip(bytes) : bytes, gzip);
    }

    public Task<RawReply> SendAsync(
        string path, byte[] body, string contentType = "application/grpc", HttpMethod? method = null,
        params (string Name, string Value)[] headers) =>
        SendAsync(path, method == HttpMethod.Get ? null : new ByteArrayContent(body), contentType, method, headers);

    public async Task<RawReply> SendAsync(
        string path, HttpContent? content, string contentType = "application/grpc", HttpMethod? method = null,
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (content is not null)
        {
            request.Content = content;
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        if (authenticate && !headers.Any(h => h.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase)))
        {
            var credential = path.StartsWith("/zhijiang.live.v1.Query/", StringComparison.Ordinal) ? _token : TestCredentials.PlatformKey;
            request.Headers.TryAddWithoutValidation("authorization", $"Bearer {credential}");
        }
        using var response = await _http.SendAsync(request);
        var payload = await response.Content.ReadAsByteArrayAsync();
        return new RawReply(response.StatusCode, Pick(response.Headers, response.Content.Headers), Pick(response.TrailingHeaders), payload);
    }

    private static Dictionary<string, string> Pick(params HttpHeaders[] sets)
    {
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var set in sets)
        {
            foreach (var (name, values) in set)
            {
                all[name] = string.Join(",", values);
            }
        }
        return all;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>What came back: the HTTP status, headers, trailers and the raw body.</summary>
internal sealed record RawReply(HttpStatusCode Http, Dictionary<string, string> Headers, Dictionary<string, string> Trailers, byte[] Body)
{
    /// <summary>grpc-status from the trailers, or from the headers of a trailers-only response.</summary>
    public StatusCode Status => (StatusCode)int.Parse(Trailers.GetValueOrDefault("grpc-status") ?? Headers["grpc-status"]);

    public string Message => GrpcWire.DecodeMessage(Trailers.GetValueOrDefault("grpc-message") ?? Headers.GetValueOrDefault("grpc-message") ?? "");

    public bool TrailersOnly => Trailers.Count == 0 && Headers.ContainsKey("grpc-status");

    public List<T> Messages<T>(MessageParser<T> parser) where T : IMessage<T> => ResponseMessages.Parse(Body, parser);
}
