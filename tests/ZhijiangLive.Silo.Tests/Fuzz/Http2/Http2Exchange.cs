using System.Buffers;
using Google.Protobuf;
using System.Globalization;
using Grpc.Core;
using ZhijiangLive.Silo.Tests.Grpc;

namespace ZhijiangLive.Silo.Tests.Fuzz.Http2;

/// <summary>How a stream ended, seen from the client.</summary>
internal enum StreamEnd
{
    /// <summary>The server ended it with END_STREAM: a whole response.</summary>
    Completed,

    /// <summary>The server reset it (RST_STREAM, see <see cref="Http2Exchange.ResetCode"/>).</summary>
    Reset,

    /// <summary>The connection went away (GOAWAY or closed) before the stream ended.</summary>
    ConnectionEnded,
}

/// <summary>One request's stream on a <see cref="RawHttp2Connection"/>: what came back, as it came.</summary>
internal sealed class Http2Exchange(int streamId)
{
    private readonly TaskCompletionSource<StreamEnd> _end = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly MemoryStream _data = new();

    public int StreamId { get; } = streamId;

    /// <summary>The response's first header block (with <c>:status</c>), empty while none has come.</summary>
    public List<(string Name, string Value)> Headers { get; private set; } = [];

    /// <summary>The trailer block, empty for a trailers-only response.</summary>
    public List<(string Name, string Value)> Trailers { get; private set; } = [];

    public Http2Error? ResetCode { get; private set; }

    public byte[] Data
    {
        get
        {
            lock (_data)
            {
                return _data.ToArray();
            }
        }
    }

    /// <summary>Completes when the stream ends one way or the other.</summary>
    public Task<StreamEnd> Ended => _end.Task;

    public bool HasEnded => _end.Task.IsCompleted;

    public int? HttpStatus => Header(":status") is { } status ? int.Parse(status, CultureInfo.InvariantCulture) : null;

    /// <summary>grpc-status from the trailers, or from the headers of a trailers-only response; null when there is none.</summary>
    public StatusCode? Status =>
        (Trailer("grpc-status") ?? Header("grpc-status")) is { } code && int.TryParse(code, out var value) ? (StatusCode)value : null;

    public string GrpcMessage => GrpcWire.DecodeMessage(Trailer("grpc-message") ?? Header("grpc-message") ?? "");

    /// <summary>The length-prefixed gRPC messages in the response body.</summary>
    public List<T> Messages<T>(MessageParser<T> parser) where T : IMessage<T> => Grpc.ResponseMessages.Parse(Data, parser);

    public string? Header(string name) => Find(Headers, name);

    public string? Trailer(string name) => Find(Trailers, name);

    /// <summary>The response in one line, for an assertion's message.</summary>
    public override string ToString() =>
        $"stream {StreamId}: {(HasEnded ? Ended.Result.ToString() : "open")}, reset {ResetCode?.ToString() ?? "-"}, " +
        $"headers [{string.Join(", ", Headers.Select(h => $"{h.Name}: {h.Value}"))}], " +
        $"trailers [{string.Join(", ", Trailers.Select(h => $"{h.Name}: {h.Value}"))}], {Data.Length} data bytes";

    internal void OnHeaders(List<(string Name, string Value)> block)
    {
        if (Headers.Count == 0)
        {
            Headers = block;
        }
        else
        {
            Trailers = block;
        }
    }

    internal void OnData(byte[] payload)
    {
        lock (_data)
        {
            _data.Write(payload);
        }
    }

    internal void End(StreamEnd end, Http2Error? reset = null)
    {
        ResetCode ??= reset;
        _end.TrySetResult(end);
    }

    private static string? Find(List<(string Name, string Value)> block, string name) =>
        block.FirstOrDefault(h => h.Name == name) is { Name: not null } found ? found.Value : null;
}
