using ScottPlot;
using ZhijiangLive.LoadTests.Measure;

namespace ZhijiangLive.LoadTests.Report;

/// <summary>
/// The report's charts, drawn with ScottPlot: <c>throughput.png</c> (accepted events a second against the pace
/// wanted), <c>latency.png</c> (acknowledgement p50 and p99 and the slowest push of each second, on a log scale,
/// since a p99 of a second and a p50 of two milliseconds both matter) and <c>push.png</c> (how the push latencies of
/// the whole run spread: a histogram and its cumulative share). Time runs along the bottom in m:ss; an orange dotted
/// line marks where each stretch of errors began. Every chart has a title, axis labels with units, ticks at round
/// values (<see cref="ChartTicks"/>) and a legend when it draws more than one series.
/// </summary>
public static class Charts
{
    public const int Width = 1000, Height = 450;

    private static readonly Color Wanted = Color.FromHex("#8c8c8c"), Accepted = Color.FromHex("#1f77b4"),
        AckP50 = Color.FromHex("#2ca02c"), AckP99 = Color.FromHex("#d62728"), PushMax = Color.FromHex("#9467bd"), Error = Color.FromHex("#e6550d"),
        Snapshot = Color.FromHex("#17becf");

    // ScottPlot's own guess of a sans-serif font on Linux can land on a serif one; these are Debian's usual sans faces.
    private static readonly string Font = new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans CJK SC" }
        .FirstOrDefault(SkiaSharp.SKFontManager.Default.FontFamilies.Contains, Fonts.Sans);

    public static Plot Throughput(Timeline timeline)
    {
        var samples = timeline.Samples;
        var paced = samples.Any(s => double.IsFinite(s.WantedPerSecond));
        var plot = Frame(timeline, paced ? "Throughput: events accepted each second against the pace wanted" : "Throughput: events accepted each second", "events/s");
        if (paced)
        {
            Line(plot, samples, s => s.WantedPerSecond, "wanted", Wanted).LinePattern = LinePattern.Dashed;
        }
        Line(plot, samples, s => s.AcceptedPerSecond, "accepted", Accepted);
        var top = samples.SelectMany(s => new[] { s.WantedPerSecond, s.AcceptedPerSecond }).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        ChartTicks.Linear(plot, plot.Axes.Left, Math.Max(1, top * 1.05), ChartTicks.Count);
        LegendIfMany(plot);
        return plot;
    }

    public static Plot Latency(Timeline timeline)
    {
        var samples = timeline.Samples;
        var pushed = samples.Any(s => double.IsFinite(s.PushMax));
        var plot = Frame(timeline, "Latency each second: acknowledgements" + (pushed ? " and the slowest push" : ""), "latency (ms, log scale)");
        Line(plot, samples, s => Log(s.AckP50), "acknowledgement p50", AckP50);
        Line(plot, samples, s => Log(s.AckP99), "acknowledgement p99", AckP99);
        if (pushed) Line(plot, samples, s => Log(s.PushMax), "slowest push", PushMax);
        var shown = plot.GetPlottables<ScottPlot.Plottables.Scatter>().SelectMany(p => p.Data.GetScatterPoints()).Select(p => p.Y)
            .Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var (low, high) = (Math.Floor(shown.Min()), Math.Max(Math.Floor(shown.Min()) + 1, shown.Max() + 0.2));
        plot.Axes.Left.TickGenerator = ChartTicks.Log(low, high, ChartTicks.Milliseconds);
        plot.Axes.SetLimitsY(low, high);
        LegendIfMany(plot);
        return plot;
    }

    /// <summary>
    /// How the run's push latencies spread, or null without any: marks a bin (bars, left axis) and the share of
    /// marks at or under each latency (a step line, right axis). Pushes come once a second, so the marks gather in
    /// clusters within that second and one median says little; this shows them all.
    /// </summary>
    public static Plot? Push(LatencyHistogram latencies)
    {
        if (latencies.Count == 0) return null;
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Title("Event to dashboard push: the spread of the run's latencies");
        plot.XLabel("latency from sending a mark to the push showing it (ms)");
        plot.YLabel("marks in the bin");
        var recorded = latencies.Recorded().ToList();
        var longest = recorded[^1].Milliseconds;
        var bin = ChartTicks.RoundStep(longest, 40);
        var counts = recorded.GroupBy(r => (int)(r.Milliseconds / bin)).ToDictionary(g => g.Key, g => (double)g.Sum(r => r.Count));
        var positions = counts.Keys.Select(i => (i + 0.5) * bin).ToArray();
        var bars = plot.Add.Bars(positions, counts.Values.ToArray());
        foreach (var bar in bars.Bars)
        {
            (bar.Size, bar.FillColor, bar.LineWidth) = (bin, PushMax.WithAlpha(0.6), 0);
        }
        bars.LegendText = $"marks a {ChartTicks.Milliseconds(bin)} bin (left)";

        double cumulative = 0;
        List<(double Milliseconds, double Share)> steps =
            [(0, 0), .. recorded.Select(r => (r.Milliseconds, 100 * (cumulative += r.Count) / latencies.Count))];
        var share = plot.Add.Scatter(steps.Select(p => p.Milliseconds).ToArray(), steps.Select(p => p.Share).ToArray(), Accepted);
        (share.LegendText, share.LineWidth, share.MarkerSize, share.ConnectStyle) = ("share of marks at or under (right)", 2, 0, ConnectStyle.StepHorizontal);
        share.Axes.YAxis = plot.Axes.Right;

        ChartTicks.Linear(plot, plot.Axes.Bottom, (Math.Floor(longest / bin) + 1) * bin, v => $"{v:0.##}");
        ChartTicks.Linear(plot, plot.Axes.Left, counts.Values.Max() * 1.05, ChartTicks.Count, smallest: 1);
        plot.Axes.Right.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(20) { LabelFormatter = v => $"{v:0} %" };
        plot.Axes.SetLimitsY(0, 100, plot.Axes.Right);
        plot.Axes.Right.Label.Text = "share of marks at or under (%)";
        LegendIfMany(plot);
        return plot;
    }

    public static void Save(Plot plot, string path) => plot.SavePng(path, Width, Height);

    private static Plot Frame(Timeline timeline, string title, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Title(title);
        plot.XLabel("time into the run (m:ss)");
        plot.YLabel(yLabel);
        var end = Math.Max(1, timeline.Samples.Select(s => s.Second).DefaultIfEmpty(1).Max());
        var ticks = ChartTicks.Time(end);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks.Select(t => t.Second)], [.. ticks.Select(t => t.Label)]);
        plot.Axes.Top.MinimumSize = 26; // room above the frame for the markers' labels
        foreach (var marker in timeline.Markers) Mark(plot, marker.Second, marker.Label, Error, LinePattern.Dotted);
        foreach (var snapshot in timeline.Snapshots) Mark(plot, snapshot.Second, snapshot.Label, Snapshot, LinePattern.Dashed);
        plot.Axes.SetLimitsX(0, end);
        return plot;
    }

    /// <summary>
    /// A legend, below the frame so that it hides no data, when the chart draws more than one series; with one, its
    /// title and axis labels say it all.
    /// </summary>
    private static void LegendIfMany(Plot plot)
    {
        if (plot.GetPlottables().SelectMany(p => p.LegendItems).Count(i => !string.IsNullOrEmpty(i.LabelText)) > 1) plot.ShowLegend(Edge.Bottom);
        else plot.HideLegend();
    }

    /// <summary>A vertical line at <paramref name="second"/>, labelled above the frame, kept out of the legend.</summary>
    private static void Mark(Plot plot, double second, string label, Color colour, LinePattern pattern)
    {
        var line = plot.Add.VerticalLine(second, 1.5f, colour, pattern);
        line.Text = label;
        line.LabelOppositeAxis = true;
        line.LabelFontSize = 11;
        line.ExcludeFromLegend = true;
    }

    private static ScottPlot.Plottables.Scatter Line(Plot plot, List<Sample> samples, Func<Sample, double> y, string name, Color colour)
    {
        // Non-finite values (a second without acknowledgements, the unbounded pace of --rate max) leave gaps.
        var ys = samples.Select(s => y(s) is var v && double.IsFinite(v) ? v : double.NaN).ToArray();
        var line = plot.Add.Scatter(samples.Select(s => s.Second).ToArray(), ys, colour);
        line.LegendText = name;
        line.LineWidth = 2;
        line.MarkerSize = 0;
        return line;
    }

    private static double Log(double milliseconds) => Math.Log10(Math.Max(milliseconds, 0.01));
}
