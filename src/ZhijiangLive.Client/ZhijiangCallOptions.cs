namespace ZhijiangLive.Client;

/// <summary>What one call may add to or override in the client's <see cref="ZhijiangClientOptions"/>.</summary>
public sealed record ZhijiangCallOptions
{
    /// <summary>How long the call may take; with <see cref="Deadline"/> too, the earlier end wins.</summary>
    public TimeSpan? Timeout { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Overrides <see cref="ZhijiangClientOptions.CompressRequests"/> for this call.</summary>
    public bool? Compress { get; init; }

    /// <summary>Headers for this call, sent after the client's <see cref="ZhijiangClientOptions.Metadata"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Metadata { get; init; }
}
