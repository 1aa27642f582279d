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

    [Fact]
    public void Every_chart_has_a_title_and_axis_labels_that_name_their_units()
    {
        var (throughput, latency, push) = (Charts.Throughput(_timeline), Charts.Latency(_timeline), Charts.Push(TwoClusters())!);

        Assert.Equal("events/s", throughput.Axes.Left.Label.Text);
        Assert.Equal("latency (ms, log scale)", latency.Axes.Left.Label.Text);
        Assert.All(new[] { throughput, latency }, p => Assert.Equal("time into the run (m:ss)", p.Axes.Bottom.Label.Text));
        Assert.Equal("latency from sending a mark to the push showing it (ms)", push.Axes.Bottom.Label.Text);
        Assert.Equal("marks in the bin", push.Axes.Left.Label.Text);
        Assert.Equal("share of marks at or under (%)", push.Axes.Right.Label.Text);
        Assert.Equal("Throughput: events accepted each second against the pace wanted", throughput.Axes.Title.Label.Text);
        Assert.Equal("Latency each second: acknowledgements", latency.Axes.Title.Label.Text);
        Assert.Equal("Event to dashboard push: the spread of the run's latencies", push.Axes.Title.Label.Text);
    }

    [Fact]
    public void No_chart_cuts_off_a_label_at_the_edge_of_its_image()
    {
        foreach (var (name, plot) in new[] { ("throughput", Charts.Throughput(_timeline)), ("latency", Charts.Latency(_timeline)), ("push", Charts.Push(TwoClusters())!) })
        {
            var path = Path.Combine(_folder, name + ".png");
            Charts.Save(plot, path);
            using var image = SKBitmap.Decode(path);
            // Text that runs off the image leaves its strokes on the outermost pixels; a margin leaves them white.
            var edge = Enumerable.Range(0, image.Width).SelectMany(x => new[] { image.GetPixel(x, 0), image.GetPixel(x, 1), image.GetPixel(x, image.Height - 1) })
                .Concat(Enumerable.Range(0, image.Height).SelectMany(y => new[] { image.GetPixel(0, y), image.GetPixel(1, y), image.GetPixel(image.Width - 1, y) }));
            Assert.True(edge.All(p => Near(p, 0xff, 0xff, 0xff)), $"{name}: something is drawn on the image's edge");
        }
    }

    [Fact]
    public void A_legend_below_the_frame_where_a_chart_draws_more_than_one_series_and_none_where_it_draws_one()
    {
        var max = new Timeline(new RunCounters(), () => null, new PlainProgress(TextWriter.Null, quiet: true));
        max.Tick(1, double.PositiveInfinity, 7);

        Assert.True(HasLegend(Charts.Throughput(_timeline)));
        Assert.True(HasLegend(Charts.Latency(_timeline)));
        Assert.True(HasLegend(Charts.Push(TwoClusters())!));
        Assert.False(HasLegend(Charts.Throughput(max)));
        Assert.Equal(["marks a 20 ms bin (left)", "share of marks at or under (right)"],
            Charts.Push(TwoClusters())!.GetPlottables().SelectMany(p => p.LegendItems).Select(i => i.LabelText));
    }

    [Fact]
    public void Linear_axes_are_ticked_at_round_steps_with_exact_labels_and_end_on_a_tick()
    {
        var throughput = Charts.Throughput(_timeline); // up to 10,000 accepted a second
        var push = Charts.Push(TwoClusters())!;        // 40 to 579 ms, at most 60 marks a 20 ms bin

        Assert.Equal("0 2k 4k 6k 8k 10k 12k", MajorLabels(throughput, throughput.Axes.Left));
        Assert.Equal(12_000, throughput.Axes.Left.Range.Max);
        Assert.Equal("0 100 200 300 400 500 600", MajorLabels(push, push.Axes.Bottom));
        Assert.Equal("0 10 20 30 40 50 60 70", MajorLabels(push, push.Axes.Left));
        Assert.Equal("0 % 20 % 40 % 60 % 80 % 100 %", MajorLabels(push, push.Axes.Right));
    }

    [Fact]
    public void The_log_axis_is_labelled_at_1_2_and_5_of_each_decade()
    {
        var latency = Charts.Latency(_timeline); // acknowledgements from 1 ms to about 190 ms

        Assert.Equal("1 ms 2 ms 5 ms 10 ms 20 ms 50 ms 100 ms 200 ms", MajorLabels(latency, latency.Axes.Left));
        var minor = latency.Axes.Left.TickGenerator.Ticks.Where(t => !t.IsMajor).Select(t => Math.Round(Math.Pow(10, t.Position), 6)).Take(6);
        Assert.Equal([3.0, 4, 6, 7, 8, 9], minor);
    }

    [Fact]
    public void The_push_chart_counts_every_mark_once_and_its_cumulative_share_ends_at_100_percent()
    {
        var plot = Charts.Push(TwoClusters())!;

        var bars = Assert.Single(plot.GetPlottables<BarPlot>()).Bars.ToList();
        Assert.Equal(240, bars.Sum(b => b.Value));
        Assert.All(bars, b => Assert.Equal(20, b.Size));
        Assert.Equal([50.0, 70, 550, 570], bars.Where(b => b.Value > 0).Select(b => b.Position));
        var share = Assert.Single(plot.GetPlottables<Scatter>());
        Assert.Equal(100, share.Data.GetScatterPoints().Last().Y, 9);
        Assert.Same(plot.Axes.Right, share.Axes.YAxis);
        Assert.Null(Charts.Push(new LatencyHistogram()));
    }

    /// <summary>Pushes a second apart and marks twice a second: half the marks wait about 40 ms, half about 540 ms.</summary>
    private static LatencyHistogram TwoClusters()
    {
        var latencies = new LatencyHistogram();
        for (var i = 0; i < 240; i++) latencies.Record(TimeSpan.FromMilliseconds((i % 2 == 0 ? 40 : 540) + i % 40));
        return latencies;
    }

    private static bool HasLegend(ScottPlot.Plot plot) => plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().Any(p => p.IsVisible);

    /// <summary>The labels of the major ticks inside the axis's limits, as drawn (the generator runs at rendering).</summary>
    private static string MajorLabels(ScottPlot.Plot plot, ScottPlot.IAxis axis)
    {
        plot.RenderInMemory(Charts.Width, Charts.Height);
        var range = axis.Range;
        return string.Join(" ", axis.TickGenerator.Ticks.Where(t => t.IsMajor && t.Position >= range.Min - 1e-9 && t.Position <= range.Max + 1e-9)
            .OrderBy(t => t.Position).Select(t => t.Label));
    }

    [Theory]
    [InlineData(3, "0:00 0:01 0:02 0:03")]
    [InlineData(40, "0:00 0:05 0:10 0:15 0:20 0:25 0:30 0:35 0:40")]
    [InlineData(181.5, "0:00 0:30 1:00 1:30 2:00 2:30 3:00")]
    [InlineData(3600, "0:00 10:00 20:00 30:00 40:00 50:00 60:00")]
    public void Time_ticks_are_minutes_and_seconds_at_round_steps(double end, string labels) =>
        Assert.Equal(labels, string.Join(" ", ChartTicks.Time(end).Select(t => t.Label)));

    private static bool Near(SKColor p, byte r, byte g, byte b) => Math.Abs(p.Red - r) + Math.Abs(p.Green - g) + Math.Abs(p.Blue - b) < 30;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
