using System.Collections.Concurrent;

namespace ZhijiangLive.Silo.Tests.Fuzz.Http2;

/// <summary>
/// The sending windows of <see cref="RawHttp2Connection"/> (RFC 9113 §6.9): DATA is sent only within both the
/// connection's and the stream's window, which the server's WINDOW_UPDATEs and SETTINGS open.
/// </summary>
internal sealed partial class RawHttp2Connection
{
    private readonly ConcurrentDictionary<int, int> _sendWindows = new();
    private readonly object _windowLock = new();
    private TaskCompletionSource _windowOpened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _connectionWindow = 65_535;

    private void OpenWindow(int streamId, int increment)
    {
        lock (_windowLock)
        {
            if (streamId == 0) _connectionWindow += increment;
            else _sendWindows.AddOrUpdate(streamId, increment, (_, window) => window + increment);
            _windowOpened.TrySetResult();
            _windowOpened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Up to <paramref name="wanted"/> bytes of both windows, waiting while either is shut; null once the stream has ended.</summary>
    private async Task<int?> TakeWindowAsync(Http2Exchange exchange, int wanted)
    {
        while (true)
        {
            Task opened;
            lock (_windowLock)
            {
                var granted = Math.Min(wanted, Math.Min(_connectionWindow, _sendWindows.GetValueOrDefault(exchange.StreamId)));
                if (granted > 0 || wanted == 0)
                {
                    _connectionWindow -= granted;
                    _sendWindows.AddOrUpdate(exchange.StreamId, 0, (_, window) => window - granted);
                    return granted;
                }
                if (exchange.HasEnded)
                {
                    return null;
                }
                opened = _windowOpened.Task;
            }
            await Task.WhenAny(opened, exchange.Ended).WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
