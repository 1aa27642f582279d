using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace ZhijiangLive.Silo.Tests.Fuzz.Http2;

/// <summary>
/// A bare HTTP/2 client over one cleartext TCP connection (prior knowledge), for sending what no real
/// client would: any header values, any frame splits, DATA of any bytes, resets at any point. It
/// answers the server's SETTINGS and PINGs, keeps to its flow-control windows, and records every stream's
/// response (see <see cref="Http2Exchange"/>) and the connection's GOAWAY.
/// </summary>
internal sealed partial class RawHttp2Connection : IAsyncDisposable
{
    private static readonly byte[] Preface = Encoding.ASCII.GetBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    private const int ClientWindow = 16 * 1024 * 1024;

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly ConcurrentDictionary<int, Http2Exchange> _exchanges = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reading;
    private int _lastStreamId = -1;

    private RawHttp2Connection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reading = Task.Run(ReadLoopAsync);
    }

    /// <summary>Connects, sends the preface and SETTINGS, and returns once the server's SETTINGS have come.</summary>
    public static async Task<RawHttp2Connection> ConnectAsync(Uri address)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(address.Host, address.Port);
        var connection = new RawHttp2Connection(tcp);
        // No pushes; windows large enough that the server never waits for this client.
        await connection.SendRawAsync([.. Preface, .. Http2Frame.Settings((0x2, 0), (0x4, ClientWindow)).Encode(),
            .. Http2Frame.WindowUpdate(0, ClientWindow - 65_535).Encode()]);
        await connection._settled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return connection;
    }

    /// <summary>The server's SETTINGS, by identifier (RFC 9113 §6.5.2).</summary>
    public ConcurrentDictionary<ushort, uint> ServerSettings { get; } = new();

    /// <summary>Completes with the server's GOAWAY, or with null when the connection closed without one.</summary>
    public Task<GoAway?> Closed => _closed.Task;

    /// <summary>
    /// Opens a stream with <paramref name="fields"/> as its request headers, the block cut into a HEADERS
    /// frame and CONTINUATIONs at <paramref name="splits"/> (byte offsets into the encoded block) and
    /// wherever it would outgrow a frame.
    /// </summary>
    public async Task<Http2Exchange> OpenAsync(IReadOnlyList<(string Name, string Value)> fields, bool endStream = false, params int[] splits)
    {
        var block = HpackEncoder.Encode(fields);
        // No frame may exceed the server's SETTINGS_MAX_FRAME_SIZE: a long block is cut there too.
        var cuts = splits.Concat(Enumerable.Range(1, block.Length / MaxFrameSize).Select(i => i * MaxFrameSize))
            .Where(s => s > 0 && s < block.Length).Distinct().Order().Append(block.Length).ToArray();
        await _writing.WaitAsync();
        try
        {
            var id = _lastStreamId += 2;
            var exchange = new Http2Exchange(id);
            _exchanges[id] = exchange;
            _sendWindows[id] = (int)ServerSettings.GetValueOrDefault<ushort, uint>(0x4, 65_535);
            var start = 0;
            for (var i = 0; i < cuts.Length; i++)
            {
                var last = i == cuts.Length - 1;
                var flags = (byte)((last ? FrameFlags.EndHeaders : 0) | (i == 0 && endStream ? FrameFlags.EndStream : 0));
                var frame = new Http2Frame(i == 0 ? FrameType.Headers : FrameType.Continuation, flags, id, block[start..cuts[i]]);
                await _stream.WriteAsync(frame.Encode());
                start = cuts[i];
            }
            return exchange;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>
    /// Sends <paramref name="data"/> on a stream in DATA frames of at most <paramref name="pieceSize"/> bytes,
    /// within the windows. False when the stream ended first (the server answered or reset it): the rest is not sent.
    /// </summary>
    public async Task<bool> SendDataAsync(int streamId, byte[] data, bool endStream, int pieceSize = int.MaxValue)
    {
        var exchange = _exchanges[streamId];
        var offset = 0;
        do
        {
            var wanted = Math.Min(Math.Min(pieceSize, MaxFrameSize), data.Length - offset);
            if (exchange.HasEnded || await TakeWindowAsync(exchange, wanted) is not { } granted)
            {
                return false;
            }
            var last = offset + granted == data.Length;
            await SendAsync(new Http2Frame(FrameType.Data, last && endStream ? FrameFlags.EndStream : (byte)0, streamId, data[offset..(offset + granted)]));
            offset += granted;
        }
        while (offset < data.Length);
        return true;
    }

    public Task ResetAsync(int streamId, Http2Error error = Http2Error.Cancel) => SendAsync(Http2Frame.RstStream(streamId, error));

    public Task SendAsync(Http2Frame frame) => SendRawAsync(frame.Encode());

    /// <summary>Any bytes at all, written whole and in order with the frames.</summary>
    public async Task SendRawAsync(byte[] bytes)
    {
        await _writing.WaitAsync();
        try
        {
            await _stream.WriteAsync(bytes);
        }
        finally
        {
            _writing.Release();
        }
    }

    private int MaxFrameSize => (int)ServerSettings.GetValueOrDefault<ushort, uint>(0x5, 16_384);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _tcp.Dispose();
        try
        {
            await _reading;
        }
        catch (Exception)
        {
            // The loop ends by the socket being closed under it.
        }
        _stop.Dispose();
        _writing.Dispose();
    }
}

/// <summary>A server's GOAWAY: the last stream it will finish, why, and its debug text.</summary>
internal sealed record GoAway(int LastStreamId, Http2Error Error, string Debug);
