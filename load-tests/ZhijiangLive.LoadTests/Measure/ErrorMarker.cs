namespace ZhijiangLive.LoadTests.Measure;

/// <summary>A stretch of seconds with errors, from <paramref name="Second"/> on: how many of each status, for the charts' marker.</summary>
public sealed record ErrorMarker(double Second, IReadOnlyDictionary<string, long> ByStatus)
{
    public long Count => ByStatus.Values.Sum();

    /// <summary>"12 errors: DeadlineExceeded", naming the commonest status.</summary>
    public string Label => $"{Count:N0} error{(Count == 1 ? "" : "s")}: {ByStatus.MaxBy(p => p.Value).Key}";
}
