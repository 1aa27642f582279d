using System.Globalization;
using System.Net;

namespace ZhijiangLive.LoadTests.Report;

/// <summary>
/// The silo's own ingest counters (meter <c>ZhijiangLive.Ingest</c>) read from its Prometheus endpoint,
/// <c>/metrics</c> on the HTTP port: accepted, duplicates and rejected (summed over reasons). Absent when the
/// server has no such endpoint (404), unreachable when it could not be read at all.
/// </summary>
public sealed record ServerCounters(long Accepted, long Duplicates, long Rejected, IReadOnlyDictionary<string, long> RejectedByReason)
{
    /// <summary>Snapshot rounds the silo has written (<c>zhijiang_snapshot_rounds_total</c>, meter <c>ZhijiangLive.Silo</c>).</summary>
    public long SnapshotRounds { get; init; }

    /// <summary>Whether the figures are one key's (the silo labels them <c>key_id</c>) rather than every publisher's.</summary>
    public bool OneKey { get; init; }

    /// <summary>How the silo labels a key's counters: the first 12 hex digits of the key's SHA-256.</summary>
    public static string KeyId(string key) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..12];

    /// <summary>
    /// The counters, of <paramref name="keyId"/>'s batches only when given and the silo labels its series by key
    /// (so that the demo's or another platform's traffic does not count), else of everything.
    /// </summary>
    public static async Task<(ServerCounters? Counters, string? Problem)> ReadAsync(Uri http, string? token, CancellationToken cancellationToken,
        string? keyId = null)
    {
        using var client = new HttpClient { BaseAddress = http, Timeout = TimeSpan.FromSeconds(10) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        try
        {
            using var response = await client.GetAsync("/metrics", cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound) return (null, "the silo has no /metrics endpoint (404)");
            if (!response.IsSuccessStatusCode) return (null, $"/metrics answered {(int)response.StatusCode} {response.ReasonPhrase}");
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return (keyId is not null && text.Contains("key_id=\"", StringComparison.Ordinal) ? Parse(text, keyId) : Parse(text), null);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return (null, $"/metrics could not be read: {error.Message}");
        }
    }

    /// <summary>
    /// Reads the Prometheus text format or OpenMetrics: <c>name{labels} value [timestamp] [# exemplar]</c>
    /// lines, comments (and <c># EOF</c>) skipped.
    /// </summary>
    public static ServerCounters Parse(string text, string? keyId = null)
    {
        long accepted = 0, duplicates = 0, snapshotRounds = 0;
        var rejected = new Dictionary<string, long>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var exemplar = line.IndexOf(" # ", StringComparison.Ordinal);
            if (exemplar >= 0) line = line[..exemplar];
            var brace = line.IndexOf('{');
            var seriesEnd = brace >= 0 ? line.IndexOf('}', brace) + 1 : line.IndexOf(' ');
            if (seriesEnd <= 0) continue;
            var name = line[..(brace >= 0 ? brace : seriesEnd)].Trim();
            var figures = line[seriesEnd..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (figures.Length == 0 || !double.TryParse(figures[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
            if (keyId is not null && name.StartsWith("zhijiang_ingest_events_", StringComparison.Ordinal) && Label(line, "key_id") != keyId) continue;
            switch (name.EndsWith("_total", StringComparison.Ordinal) ? name[..^6] : name)
            {
                case "zhijiang_ingest_events_accepted": accepted += (long)value; break;
                case "zhijiang_ingest_events_duplicates": duplicates += (long)value; break;
                case "zhijiang_snapshot_rounds": snapshotRounds += (long)value; break;
                case "zhijiang_ingest_events_rejected":
                    var reason = Label(line, "reason") ?? "(none)";
                    rejected[reason] = rejected.GetValueOrDefault(reason) + (long)value;
                    break;
            }
        }
        return new ServerCounters(accepted, duplicates, rejected.Values.Sum(), rejected) { SnapshotRounds = snapshotRounds, OneKey = keyId is not null };
    }

    public ServerCounters Since(ServerCounters before) => new(
        Accepted - before.Accepted, Duplicates - before.Duplicates, Rejected - before.Rejected,
        RejectedByReason.ToDictionary(p => p.Key, p => p.Value - before.RejectedByReason.GetValueOrDefault(p.Key))) { OneKey = OneKey && before.OneKey };

    private static string? Label(string line, string label)
    {
        var at = line.IndexOf(label + "=\"", StringComparison.Ordinal);
        if (at < 0) return null;
        var start = at + label.Length + 2;
        var end = line.IndexOf('"', start);
        return end < 0 ? null : line[start..end];
    }
}
