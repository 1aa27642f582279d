using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;

namespace ZhijiangLive.Silo.Tests.Fuzz.Http2;

/// <summary>The reading half of <see cref="RawHttp2Connection"/>: each frame from the server, to its stream or to the connection.</summary>
internal sealed partial class RawHttp2Connection
{
    private readonly TaskCompletionSource<GoAway?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HpackDecoder _hpack = new();
    private int _pingsReceived;
    private bool _headersEndStream;

    /// <summary>Whether the server's PINGs are acknowledged, as every client must; false plays a peer that has vanished.</summary>
    public bool AnswersPings { get; set; } = true;

    public int PingsReceived => Volatile.Read(ref _pingsReceived);

    /// <summary>
    /// Whether the server ended the connection (end of stream or a reset), not this side. A server that
    /// closes its socket while the request's rest is still arriving resets it, and the reset can discard a
    /// GOAWAY that was already on its way.
    /// </summary>
    public bool EndedByServer { get; private set; }

    private async Task ReadLoopAsync()
    {
        GoAway? goAway = null;
        var block = new List<byte>();
        try
        {
            while (true)
            {
                if (await Http2Frame.ReadAsync(_stream, _stop.Token) is not { } frame)
                {
                    EndedByServer = true;
                    break;
                }
                switch (frame.Type)
                {
                    case FrameType.Settings when !frame.Has(FrameFlags.Ack):
                        OnSettings(frame.Payload);
                        await SendAsync(new Http2Frame(FrameType.Settings, FrameFlags.Ack, 0, []));
                        _settled.TrySetResult();
                        break;
                    case FrameType.Ping when !frame.Has(FrameFlags.Ack):
                        Interlocked.Increment(ref _pingsReceived);
                        if (AnswersPings) await SendAsync(new Http2Frame(FrameType.Ping, FrameFlags.Ack, 0, frame.Payload));
                        break;
                    case FrameType.WindowUpdate:
                        OpenWindow(frame.StreamId, BinaryPrimitives.ReadInt32BigEndian(frame.Payload) & int.MaxValue);
                        break;
                    case FrameType.Headers or FrameType.Continuation:
                        block.AddRange(frame.Type == FrameType.Headers ? HeadersFragment(frame) : frame.Payload);
                        // END_STREAM rides on the HEADERS frame but takes effect after the block's last CONTINUATION.
                        if (frame.Type == FrameType.Headers) _headersEndStream = frame.Has(FrameFlags.EndStream);
                        if (frame.Has(FrameFlags.EndHeaders))
                        {
                            var fields = _hpack.Decode([.. block]);
                            block.Clear();
                            if (_exchanges.TryGetValue(frame.StreamId, out var exchange))
                            {
                                exchange.OnHeaders(fields);
                                if (_headersEndStream) exchange.End(StreamEnd.Completed);
                            }
                        }
                        break;
                    case FrameType.Data:
                        if (_exchanges.TryGetValue(frame.StreamId, out var receiving))
                        {
                            receiving.OnData(frame.Payload);
                            if (frame.Has(FrameFlags.EndStream)) receiving.End(StreamEnd.Completed);
                        }
                        break;
                    case FrameType.RstStream:
                        if (_exchanges.TryGetValue(frame.StreamId, out var reset))
                        {
                            reset.End(StreamEnd.Reset, (Http2Error)BinaryPrimitives.ReadUInt32BigEndian(frame.Payload));
                        }
                        break;
                    case FrameType.GoAway:
                        goAway = new GoAway(BinaryPrimitives.ReadInt32BigEndian(frame.Payload) & int.MaxValue,
                            (Http2Error)BinaryPrimitives.ReadUInt32BigEndian(frame.Payload.AsSpan(4)), Encoding.UTF8.GetString(frame.Payload, 8, frame.Payload.Length - 8));
                        foreach (var (id, beyond) in _exchanges)
                        {
                            if (id > goAway.LastStreamId) beyond.End(StreamEnd.ConnectionEnded);
                        }
                        break;
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested || goAway is not null)
        {
            // Closed by this side, or by the server after its GOAWAY (a reset rather than a FIN).
        }
        catch (IOException)
        {
            // The server dropped the connection without a GOAWAY that reached us.
            EndedByServer = true;
        }
        finally
        {
            foreach (var exchange in _exchanges.Values)
            {
                exchange.End(StreamEnd.ConnectionEnded);
            }
            _closed.TrySetResult(goAway);
            _settled.TrySetException(new IOException($"the connection closed before the server's SETTINGS ({goAway})"));
            OpenWindow(0, 0);
        }
    }

    private static byte[] HeadersFragment(Http2Frame frame)
    {
        var start = 0;
        var end = frame.Payload.Length;
        if (frame.Has(FrameFlags.Padded))
        {
            end -= frame.Payload[0];
            start = 1;
        }
        if (frame.Has(FrameFlags.Priority))
        {
            start += 5;
        }
        return frame.Payload[start..end];
    }

    private void OnSettings(byte[] payload)
    {
        for (var i = 0; i + 6 <= payload.Length; i += 6)
        {
            var id = BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(i));
            var value = BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(i + 2));
            if (id == 0x4)
            {
                // A new initial window moves every open stream's window by the difference (RFC 9113 §6.9.2).
                var delta = (int)value - (int)ServerSettings.GetValueOrDefault<ushort, uint>(0x4, 65_535);
                foreach (var streamId in _sendWindows.Keys)
                {
                    _sendWindows.AddOrUpdate(streamId, 0, (_, window) => window + delta);
                }
            }
            ServerSettings[id] = value;
        }
        OpenWindow(0, 0);
    }
}
