using System.Net.WebSockets;

namespace ZhijiangLive.LoadTests.Live;

/// <summary>
/// Cuts the hub's WebSocket frames into JSON hub protocol records, which end with 0x1E: a record may span frames
/// and a frame may hold several records.
/// </summary>
internal sealed class HubRecords(WebSocket socket)
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start, _end;

    /// <summary>The next whole record without its separator; null when the hub closed the socket.</summary>
    public async Task<byte[]?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var at = Array.IndexOf(_buffer, (byte)0x1E, _start, _end - _start);
            if (at >= 0)
            {
                var record = _buffer[_start..at];
                _start = at + 1;
                return record;
            }
            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                (_end, _start) = (_end - _start, 0);
            }
            if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
            var received = await socket.ReceiveAsync(_buffer.AsMemory(_end), cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close) return null;
            _end += received.Count;
        }
    }
}
