using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace ZhijiangLive.Silo.Live;

/// <summary>
/// Closes each hub connection when its token expires. One timer for all connections looks at the silo's clock
/// every second (a timer per connection due at the expiry would miss a clock that jumps, as tests' clocks do).
/// </summary>
public sealed class LiveExpiry : IDisposable
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, HubCallerContext Connection)> _connections = new();
    private readonly TimeProvider _clock;
    private readonly ITimer _timer;

    public LiveExpiry(TimeProvider clock)
    {
        _clock = clock;
        _timer = clock.CreateTimer(_ => Sweep(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public void Watch(HubCallerContext connection, DateTimeOffset expires) =>
        _connections[connection.ConnectionId] = (expires, connection);

    public void Forget(string connectionId) => _connections.TryRemove(connectionId, out _);

    public bool HasExpired(DateTimeOffset expires) => expires <= _clock.GetUtcNow();

    private void Sweep()
    {
        foreach (var (id, (expires, connection)) in _connections)
        {
            if (HasExpired(expires) && _connections.TryRemove(id, out _))
            {
                connection.Abort();
            }
        }
    }

    public void Dispose() => _timer.Dispose();
}
