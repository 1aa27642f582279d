using System.Net.WebSockets;

namespace ZhijiangLive.LoadTests.Live;

/// <summary>The JSON hub protocol's records as they arrive on a hub's WebSocket, one whole record at a time.</summary>
public sealed class HubRecords(WebSocket socket)
{
    private readonly HubRecordBuffer _buffer = new();

    /// <summary>The next whole record without its separator, receiving frames until one is complete; null once the hub closed the socket.</summary>
    public async Task<byte[]?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_buffer.TryTake(out var record))
            {
                return record;
            }
            var received = await socket.ReceiveAsync(_buffer.Free(64 * 1024), cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            _buffer.Advance(received.Count);
        }
    }
}
