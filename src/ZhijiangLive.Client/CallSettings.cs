using Grpc.Core;

namespace ZhijiangLive.Client;

/// <summary>Turns a call's <see cref="ZhijiangCallOptions"/> and the client's defaults into Grpc.Net.Client's options.</summary>
internal sealed class CallSettings(ZhijiangClientOptions client)
{
    // Grpc.Net.Client's per-call switch for compressing request messages.
    internal const string RequestEncodingHeader = "grpc-internal-encoding-request";

    private readonly Metadata? _shared = Build(client.Metadata, null, client.CompressRequests);

    public Grpc.Core.CallOptions For(ZhijiangCallOptions? call, CancellationToken cancellationToken)
    {
        var compress = call?.Compress ?? client.CompressRequests;
        var headers = call?.Metadata is null && compress == client.CompressRequests
            ? _shared
            : Build(client.Metadata, call?.Metadata, compress);
        return new Grpc.Core.CallOptions(headers, Deadline(call), cancellationToken);
    }

    /// <summary>The earliest of the call's timeout, its deadline and the client's default timeout; none when all are unset.</summary>
    private DateTime? Deadline(ZhijiangCallOptions? call)
    {
        var now = DateTime.UtcNow;
        DateTime? deadline = call?.Deadline?.UtcDateTime;
        if (call?.Timeout is { } timeout)
        {
            var end = now + timeout;
            deadline = deadline is { } given && given < end ? given : end;
        }
        if (deadline is null && client.DefaultTimeout is { } fallback)
        {
            deadline = now + fallback;
        }
        return deadline;
    }

    private static Metadata? Build(IReadOnlyList<KeyValuePair<string, string>>? first, IReadOnlyList<KeyValuePair<string, string>>? then, bool compress)
    {
        if (first is not { Count: > 0 } && then is not { Count: > 0 } && !compress)
        {
            return null;
        }
        var headers = new Metadata();
        foreach (var (name, value) in (first ?? []).Concat(then ?? []))
        {
            if (name.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(name, Convert.FromBase64String(value));
            }
            else
            {
                headers.Add(name, value);
            }
        }
        if (compress)
        {
            headers.Add(RequestEncodingHeader, "gzip");
        }
        return headers;
    }
}
