using System.Collections.Concurrent;
using System.Threading.Channels;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace ZhijiangLive.Silo.Services;

/// <summary>
/// The serving status of each gRPC service ("" is the server as a whole), and the watchers told of each change.
/// Operations/GrpcHealthFollower sets it from the silo's readiness.
/// </summary>
public sealed class HealthBoard
{
    private readonly ConcurrentDictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Channel<ServingStatus>, string> _watchers = new();

    /// <summary>The service's status; null when the service is not known here.</summary>
    public ServingStatus? StatusOf(string service) => _statuses.TryGetValue(service, out var status) ? status : null;

    public void Set(string service, ServingStatus status)
    {
        _statuses[service] = status;
        foreach (var (watcher, watched) in _watchers)
        {
            if (watched == service)
            {
                watcher.Writer.TryWrite(status);
            }
        }
    }

    /// <summary>Every service this board knows to <paramref name="status"/>.</summary>
    public void SetAll(ServingStatus status)
    {
        foreach (var service in _statuses.Keys)
        {
            Set(service, status);
        }
    }

    /// <summary>Changes of one service; a slow watcher sees the newest status, not a backlog.</summary>
    public ChannelReader<ServingStatus> Watch(string service, CancellationToken cancellation)
    {
        var channel = Channel.CreateBounded<ServingStatus>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        _watchers[channel] = service;
        cancellation.Register(() =>
        {
            _watchers.TryRemove(channel, out _);
            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }
}
