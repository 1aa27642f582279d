using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Google.Protobuf;

namespace ZhijiangLive.Client;

/// <summary>
/// A gRPC client of ZhijiangLive over HTTP/2: h2c with prior knowledge for <c>http://</c>, TLS with ALPN for
/// <c>https://</c>. Thread-safe; make one per server and share it. Every failed call throws a
/// <see cref="ZhijiangLive.Contracts.Wire.GrpcStatusException"/>.
/// </summary>
public sealed partial class ZhijiangClient : IDisposable
{
    // HttpClient's base: HttpClient would add a linked token source per call for a timeout we do not use.
    private readonly HttpMessageInvoker _invoker;
    private readonly ZhijiangClientOptions _options;
    private readonly ConcurrentDictionary<string, Uri> _methodUris = new(StringComparer.Ordinal);

    public ZhijiangClient(Uri address, ZhijiangClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{address}' is not an absolute http:// or https:// address", nameof(address));
        }
        Address = address;
        _options = options ?? new ZhijiangClientOptions();
        _invoker = new HttpMessageInvoker(_options.Handler ?? ClientHandler.Create(_options), disposeHandler: _options.Handler is null);
    }

    public Uri Address { get; }

    public ZhijiangClientOptions Options => _options;

    /// <summary>A call with one request and one response message.</summary>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(string method, TRequest request, MessageParser<TResponse> parser,
        CallOptions? options = null, CancellationToken cancellationToken = default)
        where TRequest : IMessage<TRequest> where TResponse : class, IMessage<TResponse>
    {
        using var call = StartWithMessage(method, request, parser, options, cancellationToken);
        return await call.ReadSingleAsync().ConfigureAwait(false);
    }

    /// <summary>A call with one request message and a stream of responses, which starts when enumerated.</summary>
    public async IAsyncEnumerable<TResponse> ServerStreamingAsync<TRequest, TResponse>(string method, TRequest request,
        MessageParser<TResponse> parser, CallOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : IMessage<TRequest> where TResponse : class, IMessage<TResponse>
    {
        using var call = StartWithMessage(method, request, parser, options, cancellationToken);
        while (await call.ReadAsync().ConfigureAwait(false) is { } response)
        {
            yield return response;
        }
    }

    /// <summary>A call with streams both ways, started at once; dispose it to end it.</summary>
    public DuplexCall<TRequest, TResponse> DuplexStreaming<TRequest, TResponse>(string method, MessageParser<TResponse> parser,
        CallOptions? options = null, CancellationToken cancellationToken = default)
        where TRequest : IMessage<TRequest> where TResponse : class, IMessage<TResponse>
    {
        var timeout = CallTimeout.Resolve(options, _options.DefaultTimeout, _options.TimeProvider);
        var compress = options?.Compress ?? _options.CompressRequests;
        var frames = Channel.CreateBounded<RentedFrame>(DuplexCall<TRequest, TResponse>.PendingWrites);
        var request = CreateRequest(method, new StreamingRequestContent(frames), timeout, compress, options);
        var call = new GrpcCall<TResponse>(request, parser, _options.MaxReceiveMessageSize, timeout, _options.TimeProvider,
            abortable: true, cancellationToken);
        call.Start(_invoker);
        return new DuplexCall<TRequest, TResponse>(call, frames, compress);
    }

    public void Dispose() => _invoker.Dispose();

    private GrpcCall<TResponse> StartWithMessage<TRequest, TResponse>(string method, TRequest request, MessageParser<TResponse> parser,
        CallOptions? options, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest> where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(request);
        var timeout = CallTimeout.Resolve(options, _options.DefaultTimeout, _options.TimeProvider);
        var compress = options?.Compress ?? _options.CompressRequests;
        var content = new UnaryContent(RentedFrame.Serialize(request, compress));
        var call = new GrpcCall<TResponse>(CreateRequest(method, content, timeout, compress, options), parser,
            _options.MaxReceiveMessageSize, timeout, _options.TimeProvider, abortable: false, cancellationToken);
        call.Start(_invoker);
        return call;
    }

    private HttpRequestMessage CreateRequest(string method, HttpContent content, TimeSpan? timeout, bool compress, CallOptions? options)
    {
        var uri = _methodUris.GetOrAdd(method, static (path, address) => new Uri(address, path), Address);
        var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        RequestHeaders.Apply(request.Headers, _options.UserAgent, timeout, compress, _options.Metadata, options?.Metadata);
        return request;
    }
}
