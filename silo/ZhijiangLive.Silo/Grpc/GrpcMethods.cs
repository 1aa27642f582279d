using Google.Protobuf;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace ZhijiangLive.Silo.Grpc;

/// <summary>What runs a call once the dispatcher has checked its headers.</summary>
public delegate Task GrpcHandler(GrpcCall call);

/// <summary>
/// The methods the gRPC endpoint serves, by path (<c>/package.Service/Method</c>). Each service first says
/// who may call it (<see cref="Service"/>); a method of a service that has not is refused at start-up, so
/// no method is ever served without a decision about its callers.
/// </summary>
public sealed class GrpcMethods
{
    private readonly Dictionary<string, GrpcMethod> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GrpcAccess> _services = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Services => _services.Keys;

    /// <summary>Declares a service and who may call it; its methods follow.</summary>
    public GrpcMethods Service(string service, GrpcAccess access)
    {
        _services.Add(service, access);
        return this;
    }

    /// <summary>
    /// A method of one request and one reply. The call stops waiting for the handler at its deadline or the
    /// client's reset; what the handler began (events handed to the grains, say) still completes.
    /// </summary>
    public GrpcMethods Unary<TRequest, TResponse>(
        string service, string method, MessageParser<TRequest> parser, Func<TRequest, Task<TResponse>> handle)
        where TRequest : class, IMessage<TRequest>
        where TResponse : IMessage => Unary(service, method, parser, (TRequest request, GrpcCall _) => handle(request));

    /// <summary>A unary method whose handler needs the call, for its <see cref="GrpcCall.Principal"/> say.</summary>
    public GrpcMethods Unary<TRequest, TResponse>(
        string service, string method, MessageParser<TRequest> parser, Func<TRequest, GrpcCall, Task<TResponse>> handle)
        where TRequest : class, IMessage<TRequest>
        where TResponse : IMessage => Add(service, method, async call =>
        {
            var request = await call.ReadSingleAsync(parser);
            var response = await handle(request, call).WaitAsync(call.CancellationToken);
            await call.WriteAsync(response);
        });

    public GrpcMethods ServerStreaming<TRequest>(
        string service, string method, MessageParser<TRequest> parser, Func<TRequest, GrpcCall, Task> handle)
        where TRequest : class, IMessage<TRequest> => Add(service, method, async call =>
        {
            var request = await call.ReadSingleAsync(parser);
            await handle(request, call);
        });

    /// <summary>A client-streaming or bidirectional method, which reads and writes through the call itself.</summary>
    public GrpcMethods Streaming(string service, string method, GrpcHandler handle) => Add(service, method, call =>
    {
        // A stream of batches may rest between them. Kestrel would take the silence for a slow client and
        // drop the whole connection, every other call on it too; the stream is bounded by its deadline instead.
        if (call.Context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = null;
        }
        return handle(call);
    });

    /// <summary>The method at a path; when there is none, whether at least the service exists.</summary>
    public GrpcMethod? Find(string path, out bool serviceKnown)
    {
        if (_byPath.TryGetValue(path, out var found))
        {
            serviceKnown = true;
            return found;
        }
        serviceKnown = ServiceOf(path) is { } service && _services.ContainsKey(service);
        return null;
    }

    public static string? ServiceOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash > 1 && path[0] == '/' ? path[1..slash] : null;
    }

    private GrpcMethods Add(string service, string method, GrpcHandler handler)
    {
        if (!_services.TryGetValue(service, out var access))
        {
            throw new InvalidOperationException($"declare who may call {service} (GrpcMethods.Service) before adding its method {method}");
        }
        _byPath.Add($"/{service}/{method}", new GrpcMethod(service, access, handler));
        return this;
    }
}
