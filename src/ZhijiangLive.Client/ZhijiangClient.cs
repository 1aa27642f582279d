using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Client;

/// <summary>
/// A gRPC client of ZhijiangLive on Grpc.Net.Client: h2c with prior knowledge for <c>http://</c>, TLS with ALPN
/// for <c>https://</c>. Thread-safe; make one per server and share it. Every failed call throws an
/// <see cref="RpcException"/>.
/// </summary>
public sealed partial class ZhijiangClient : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly ZhijiangClientOptions _options;
    private readonly CallSettings _settings;
    private readonly Ingest.IngestClient _ingest;
    private readonly Roster.RosterClient _roster;
    private readonly Query.QueryClient _query;
    private readonly Evaluation.EvaluationClient _evaluation;
    private readonly Health.HealthClient _health;

    public ZhijiangClient(Uri address, ZhijiangClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{address}' is not an absolute http:// or https:// address", nameof(address));
        }
        Address = address;
        _options = options ?? new ZhijiangClientOptions();
        _settings = new CallSettings(_options);
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = _options.Handler ?? ClientHandler.Create(_options),
            DisposeHttpClient = _options.Handler is null,
            MaxReceiveMessageSize = _options.MaxReceiveMessageSize,
            ServiceConfig = RetryConfig.For(_options.RetryAttempts),
            MaxRetryAttempts = Math.Max(5, _options.RetryAttempts + 1),
        });
        _ingest = new Ingest.IngestClient(_channel);
        _roster = new Roster.RosterClient(_channel);
        _query = new Query.QueryClient(_channel);
        _evaluation = new Evaluation.EvaluationClient(_channel);
        _health = new Health.HealthClient(_channel);
    }

    public Uri Address { get; }

    public ZhijiangClientOptions Options => _options;

    /// <summary>The channel's invoker, for a method the typed calls do not cover.</summary>
    public CallInvoker CallInvoker => _channel.CreateCallInvoker();

    /// <summary>The library's options for one call: the client's metadata, deadline and compression, then the call's own.</summary>
    public Grpc.Core.CallOptions CallOptionsFor(ZhijiangCallOptions? options, CancellationToken cancellationToken = default) =>
        _settings.For(options, cancellationToken);

    public void Dispose() => _channel.Dispose();
}
