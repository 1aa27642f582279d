using ScottPlot;
using ZhijiangLive.LoadTests.Measure;

namespace ZhijiangLive.LoadTests.Report;

/// <summary>
/// The report's two charts, drawn with ScottPlot: <c>throughput.png</c> (accepted events a second against the pace
/// wanted) and <c>latency.png</c> (acknowledgement p50 and p99 and the slowest push of each second, on a log scale,
/// since a p99 of a second and a p50 of two milliseconds both matter). Time runs along the bottom in m:ss; an orange
/// dotted line marks where each stretch of errors began.
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
        var plot = Frame(timeline, "Throughput", "events per second");
        var samples = timeline.Samples;
        if (samples.Any(s => double.IsFinite(s.WantedPerSecond)))
        {
            Line(plot, samples, s => s.WantedPerSecond, "wanted", Wanted).LinePattern = LinePattern.Dashed;
        }
        Line(plot, samples, s => s.AcceptedPerSecond, "accepted", Accepted);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Count };
        var top = samples.SelectMany(s => new[] { s.WantedPerSecond, s.AcceptedPerSecond }).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        plot.Axes.SetLimitsY(0, Math.Max(1, top * 1.1));
        return plot;
    }

    public static Plot Latency(Timeline timeline)
    {
        var plot = Frame(timeline, "Latency per second", "milliseconds (log scale)");
        var samples = timeline.Samples;
        Line(plot, samples, s => Log(s.AckP50), "acknowledgement p50", AckP50);
        Line(plot, samples, s => Log(s.AckP99), "acknowledgement p99", AckP99);
        if (samples.Any(s => double.IsFinite(s.PushMax))) Line(plot, samples, s => Log(s.PushMax), "slowest push", PushMax);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true, LabelFormatter = y => Milliseconds(Math.Pow(10, y)),
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        };
        var shown = plot.GetPlottables<ScottPlot.Plottables.Scatter>().SelectMany(p => p.Data.GetScatterPoints()).Select(p => p.Y)
            .Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        plot.Axes.SetLimitsY(Math.Floor(shown.Min()), Math.Max(Math.Floor(shown.Min()) + 1, shown.Max() + 0.2));
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
        var ticks = TimeTicks(end);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks.Select(t => t.Second)], [.. ticks.Select(t => t.Label)]);
        plot.Axes.Top.MinimumSize = 26; // room above the frame for the markers' labels
        foreach (var marker in timeline.Markers) Mark(plot, marker.Second, marker.Label, Error, LinePattern.Dotted);
        foreach (var snapshot in timeline.Snapshots) Mark(plot, snapshot.Second, snapshot.Label, Snapshot, LinePattern.Dashed);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.SetLimitsX(0, end);
        return plot;
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

    /// <summary>Ticks every 1, 2, 5, 10, 15 or 30 seconds, or whole minutes, whichever gives at most 10.</summary>
    internal static IReadOnlyList<(double Second, string Label)> TimeTicks(double end)
    {
        var step = new[] { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600 }.FirstOrDefault(s => end / s <= 10, 3600);
        return Enumerable.Range(0, (int)(end / step) + 1).Select(i => i * step).Select(s => ((double)s, $"{s / 60}:{s % 60:00}")).ToList();
    }

    private static double Log(double milliseconds) => Math.Log10(Math.Max(milliseconds, 0.01));

    private static string Milliseconds(double ms) => ms >= 1000 ? $"{ms / 1000:0.#} s" : ms >= 1 ? $"{ms:0} ms" : $"{ms:0.##} ms";

    private static string Count(double v) => v >= 1_000_000 ? $"{v / 1_000_000:0.#}M" : v >= 1_000 ? $"{v / 1_000:0.#}k" : $"{v:0}";
}
