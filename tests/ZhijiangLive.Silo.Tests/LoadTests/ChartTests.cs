using System.Buffers.Binary;
using ScottPlot.Plottables;
using SkiaSharp;
using ZhijiangLive.LoadTests.Measure;
using ZhijiangLive.LoadTests.Report;

namespace ZhijiangLive.Silo.Tests.LoadTests;

public sealed class ChartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zl-charts-").FullName;
    private readonly RunCounters _counters = new();
    private readonly Timeline _timeline;

    public ChartTests()
    {
        _timeline = new Timeline(_counters, () => null, new PlainProgress(TextWriter.Null, quiet: true));
        for (var second = 1; second <= 40; second++)
        {
            for (var call = 0; call < 20; call++) _counters.Acknowledged(100 + 10 * second, 0, TimeSpan.FromMilliseconds(1 + call * second / 4.0));
            if (second == 25) _counters.Error("Unavailable", "the relay cut the connection");
            _timeline.Tick(second, 3_000, 7);
        }
    }

    [Fact]
    public void The_throughput_chart_is_a_png_of_the_chart_size_with_its_line_drawn()
    {
        var path = Path.Combine(_folder, "throughput.png");
        Charts.Save(Charts.Throughput(_timeline), path);

        var png = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal((Charts.Width, Charts.Height), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        using var image = SKBitmap.Decode(png);
        var pixels = image.Pixels;
        // Text, grid, legend and anti-aliased lines give hundreds of shades; a blank or failed render gives one or two.
        Assert.True(pixels.Distinct().Count() > 100, $"only {pixels.Distinct().Count()} colours");
        Assert.True(pixels.Count(p => Near(p, 0x1f, 0x77, 0xb4)) > 500, "the accepted line (blue) is not drawn");
    }

    [Fact]
    public void Both_charts_mark_the_second_an_error_happened_in_with_a_labelled_line()
    {
        foreach (var plot in new[] { Charts.Throughput(_timeline), Charts.Latency(_timeline) })
        {
            var marker = Assert.Single(plot.GetPlottables<VerticalLine>());
            Assert.Equal(24, marker.X);
            Assert.Equal("1 error: Unavailable", marker.Text);
        }
    }

    [Fact]
    public void The_charts_name_their_series_in_the_legend()
    {
        Assert.Equal(["wanted", "accepted"], Charts.Throughput(_timeline).GetPlottables<Scatter>().Select(s => s.LegendText));
        Assert.Equal(["acknowledgement p50", "acknowledgement p99"], Charts.Latency(_timeline).GetPlottables<Scatter>().Select(s => s.LegendText));
    }

    [Fact]
    public void Without_a_pace_wanted_the_throughput_chart_leaves_that_line_out()
    {
        var max = new Timeline(new RunCounters(), () => null, new PlainProgress(TextWriter.Null, quiet: true));
        max.Tick(1, double.PositiveInfinity, 7);
        var plot = Charts.Throughput(max);
        Assert.Equal(["accepted"], plot.GetPlottables<Scatter>().Select(s => s.LegendText));
        Charts.Save(plot, Path.Combine(_folder, "max.png"));
    }

    [Theory]
    [InlineData(3, "0:00 0:01 0:02 0:03")]
    [InlineData(40, "0:00 0:05 0:10 0:15 0:20 0:25 0:30 0:35 0:40")]
    [InlineData(181.5, "0:00 0:30 1:00 1:30 2:00 2:30 3:00")]
    [InlineData(3600, "0:00 10:00 20:00 30:00 40:00 50:00 60:00")]
    public void Time_ticks_are_minutes_and_seconds_at_round_steps(double end, string labels) =>
        Assert.Equal(labels, string.Join(" ", Charts.TimeTicks(end).Select(t => t.Label)));

    private static bool Near(SKColor p, byte r, byte g, byte b) => Math.Abs(p.Red - r) + Math.Abs(p.Green - g) + Math.Abs(p.Blue - b) < 30;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
