using System.Text;
using ZhijiangLive.Silo.Operations;

namespace ZhijiangLive.Silo.Tests.Operations;

/// <summary>The exporter's writer: Prometheus text format 0.0.4, names derived from the instruments'.</summary>
public sealed class PrometheusTextTests
{
    private static string Write(params MetricFamily[] families)
    {
        var text = new StringBuilder();
        PrometheusText.Write(text, families);
        return text.ToString();
    }

    private static KeyValuePair<string, string> Label(string key, string value) => new(key, value);

    [Fact]
    public void Counter_DotsBecomeUnderscores_AndTheNameEndsInTotal_WithHelpAndType()
    {
        var text = Write(new MetricFamily("zhijiang.ingest.events.accepted", "{event}", "events accepted", MetricKind.Counter,
            [new MetricPoint([], 42)]));

        Assert.Equal(
            "# HELP zhijiang_ingest_events_accepted_total events accepted\n" +
            "# TYPE zhijiang_ingest_events_accepted_total counter\n" +
            "zhijiang_ingest_events_accepted_total 42\n", text);
    }

    [Fact]
    public void Labels_AreEscaped_AndEachTagSetIsOneSample()
    {
        var text = Write(new MetricFamily("zhijiang.ingest.events.rejected", "{event}", "refused\nby \\reason", MetricKind.Counter,
        [
            new MetricPoint([Label("reason", "UNKNOWN_TEACHER")], 2),
            new MetricPoint([Label("reason", "say \"x\"\\\n"), Label("service.name", "a")], 1),
        ]));

        Assert.Contains("# HELP zhijiang_ingest_events_rejected_total refused\\nby \\\\reason\n", text);
        Assert.Contains("zhijiang_ingest_events_rejected_total{reason=\"UNKNOWN_TEACHER\"} 2\n", text);
        Assert.Contains("zhijiang_ingest_events_rejected_total{reason=\"say \\\"x\\\"\\\\\\n\",service_name=\"a\"} 1\n", text);
    }

    [Fact]
    public void Histogram_InSeconds_HasCumulativeBuckets_PlusInf_SumAndCount()
    {
        var text = Write(new MetricFamily("zhijiang.ingest.ack.duration", "s", "ack", MetricKind.Histogram,
            [new MetricPoint([Label("method", "Publish")], 0, [0.005, 0.1, 1], [3, 0, 2, 1], 2.75, 6)]));

        Assert.Equal(
            "# HELP zhijiang_ingest_ack_duration_seconds ack\n" +
            "# TYPE zhijiang_ingest_ack_duration_seconds histogram\n" +
            "zhijiang_ingest_ack_duration_seconds_bucket{method=\"Publish\",le=\"0.005\"} 3\n" +
            "zhijiang_ingest_ack_duration_seconds_bucket{method=\"Publish\",le=\"0.1\"} 3\n" +
            "zhijiang_ingest_ack_duration_seconds_bucket{method=\"Publish\",le=\"1\"} 5\n" +
            "zhijiang_ingest_ack_duration_seconds_bucket{method=\"Publish\",le=\"+Inf\"} 6\n" +
            "zhijiang_ingest_ack_duration_seconds_sum{method=\"Publish\"} 2.75\n" +
            "zhijiang_ingest_ack_duration_seconds_count{method=\"Publish\"} 6\n", text);
    }

    [Fact]
    public void Gauge_KeepsItsName_AndAFamilyWithoutMeasurementsIsAZero()
    {
        var text = Write(
            new MetricFamily("zhijiang.grains.active", "{grain}", "grains", MetricKind.Gauge, []),
            new MetricFamily("zhijiang.journal.commit.records", "{record}", "records", MetricKind.Histogram, []));

        Assert.Contains("# TYPE zhijiang_grains_active gauge\nzhijiang_grains_active 0\n", text);
        Assert.Contains("zhijiang_journal_commit_records_bucket{le=\"+Inf\"} 0\n" +
            "zhijiang_journal_commit_records_sum 0\nzhijiang_journal_commit_records_count 0\n", text);
    }

    [Theory]
    [InlineData("zhijiang.a", "s", MetricKind.Counter, "zhijiang_a_seconds_total")]
    [InlineData("zhijiang.a_seconds", "s", MetricKind.Gauge, "zhijiang_a_seconds")]
    [InlineData("zhijiang.size", "By", MetricKind.Gauge, "zhijiang_size_bytes")]
    [InlineData("zhijiang.b_total", "{x}", MetricKind.Counter, "zhijiang_b_total")]
    [InlineData("9-lives/ok", null, MetricKind.Gauge, "_9_lives_ok")]
    public void Names_FollowPrometheusConventions(string instrument, string? unit, MetricKind kind, string expected)
    {
        Assert.Equal(expected, PrometheusText.NameOf(new MetricFamily(instrument, unit, null, kind, [])));
    }

    [Fact]
    public void Numbers_UseTheInvariantCulture_AndPrometheusInfinities()
    {
        Assert.Equal("0.25", PrometheusText.Number(0.25));
        Assert.Equal("+Inf", PrometheusText.Number(double.PositiveInfinity));
        Assert.Equal("-Inf", PrometheusText.Number(double.NegativeInfinity));
        Assert.Equal("NaN", PrometheusText.Number(double.NaN));
        Assert.Equal("123456789", PrometheusText.Number(123456789));
    }
}
