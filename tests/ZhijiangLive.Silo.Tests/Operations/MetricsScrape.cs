using System.Globalization;

namespace ZhijiangLive.Silo.Tests.Operations;

/// <summary>What the operations tests share: a reader of <c>/metrics</c>.</summary>
internal static class MetricsScrape
{
    /// <summary>
    /// Scrapes until a sample has <paramref name="expected"/>: a figure counted after the client already saw
    /// its effect (a push is counted once its send completed) may trail by a moment. Fails after 5 s.
    /// </summary>
    public static async Task<Dictionary<string, double>> ScrapeUntilAsync(HttpClient http, string sample, double expected)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var samples = await ScrapeAsync(http);
            if (samples.GetValueOrDefault(sample, double.NaN) == expected || DateTime.UtcNow > giveUp)
            {
                Assert.Equal(expected, samples.GetValueOrDefault(sample, double.NaN));
                return samples;
            }
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Every sample of <c>/metrics</c>, keyed by its name and labels as written (<c>name{a="b"}</c>; a sample
    /// without labels by its bare name, though the exporter writes <c>name{}</c>).
    /// </summary>
    public static async Task<Dictionary<string, double>> ScrapeAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.StartsWith('#'))
            {
                var space = line.LastIndexOf(' ');
                var series = line[..space];
                samples[series.EndsWith("{}", StringComparison.Ordinal) ? series[..^2] : series] =
                    double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            }
        }
        return samples;
    }

    /// <summary>
    /// The sum of a counter's samples over all their labels, or over those whose labels include every one of
    /// <paramref name="labels"/> (<c>reason="UNKNOWN_TEACHER"</c>).
    /// </summary>
    public static double Sum(Dictionary<string, double> samples, string name, params string[] labels) =>
        samples.Where(s => (s.Key == name || s.Key.StartsWith(name + "{", StringComparison.Ordinal))
                && labels.All(label => s.Key.Contains(label, StringComparison.Ordinal)))
            .Sum(s => s.Value);

    /// <summary>The upper bounds (<c>le</c>) of an unlabelled histogram's buckets, from the lowest to +Inf.</summary>
    public static IReadOnlyList<double> BucketBounds(Dictionary<string, double> samples, string histogram) =>
        samples.Keys.Where(k => k.StartsWith(histogram + "_bucket{le=\"", StringComparison.Ordinal))
            .Select(k => k[(histogram.Length + 12)..^2])
            .Select(le => le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture))
            .Order()
            .ToList();
}
