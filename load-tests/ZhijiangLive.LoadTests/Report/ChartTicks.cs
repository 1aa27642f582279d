using ScottPlot;
using ScottPlot.TickGenerators;

namespace ZhijiangLive.LoadTests.Report;

/// <summary>
/// Where the charts' ticks go: at round values only (1, 2 or 5 × 10ⁿ apart on a linear axis, 1-2-5 within each
/// decade on a log one, whole seconds and minutes in time), so that a reader never meets a tick at 625 or a label
/// that rounds its tick (1,250 shown as "1.3k"). ScottPlot's own spacing search can land on steps of 2.5 × 10ⁿ,
/// so the steps are chosen here and given to its fixed-interval and manual generators.
/// </summary>
public static class ChartTicks
{
    /// <summary>The smallest step of 1, 2 or 5 × 10ⁿ that cuts 0 to <paramref name="top"/> into at most <paramref name="most"/> steps.</summary>
    public static double RoundStep(double top, int most = 8, double smallest = 1)
    {
        if (!(top > 0)) return smallest;
        for (var decade = Math.Pow(10, Math.Floor(Math.Log10(top / most))); ; decade *= 10)
        {
            foreach (var step in new[] { 1, 2, 5 }.Select(m => m * decade))
            {
                if (step >= smallest && top / step <= most) return step;
            }
        }
    }

    /// <summary>
    /// Fixed ticks every <see cref="RoundStep"/> on <paramref name="axis"/>, from 0 to the first round value at or
    /// above <paramref name="top"/>, which becomes the axis's limit so that the frame ends on a labelled tick.
    /// </summary>
    public static void Linear(Plot plot, IAxis axis, double top, Func<double, string> label, int most = 8, double smallest = 1)
    {
        var step = RoundStep(top, most, smallest);
        axis.TickGenerator = new NumericFixedInterval(step) { LabelFormatter = label };
        var end = Math.Max(step, Math.Ceiling(top / step - 1e-9) * step);
        if (axis is IXAxis x) plot.Axes.SetLimitsX(0, end, x);
        else if (axis is IYAxis y) plot.Axes.SetLimitsY(0, end, y);
    }

    /// <summary>
    /// Ticks of a log10 axis from <paramref name="lowLog"/> to <paramref name="highLog"/>: labelled at 1, 2 and 5 of
    /// each decade while the axis spans at most three decades (at the decades alone beyond), minor ticks between.
    /// </summary>
    public static NumericManual Log(double lowLog, double highLog, Func<double, string> label)
    {
        var ticks = new NumericManual();
        var decades = highLog - lowLog;
        for (var decade = (int)Math.Floor(lowLog); decade <= (int)Math.Ceiling(highLog); decade++)
        {
            for (var m = 1; m <= 9; m++)
            {
                var position = decade + Math.Log10(m);
                if (position < lowLog - 1e-9 || position > highLog + 1e-9) continue;
                if (m == 1 || (decades <= 3 && m is 2 or 5)) ticks.AddMajor(position, label(Math.Pow(10, position)));
                else ticks.AddMinor(position);
            }
        }
        return ticks;
    }

    /// <summary>Ticks every 1, 2, 5, 10, 15 or 30 seconds, or whole minutes, whichever gives at most 10.</summary>
    public static IReadOnlyList<(double Second, string Label)> Time(double end)
    {
        var step = new[] { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600 }.FirstOrDefault(s => end / s <= 10, 3600);
        return Enumerable.Range(0, (int)(end / step) + 1).Select(i => i * step).Select(s => ((double)s, $"{s / 60}:{s % 60:00}")).ToList();
    }

    /// <summary>Counts as 950, 1.5k, 2M: exact for round ticks, whose labels must not round.</summary>
    public static string Count(double v) => v >= 1_000_000 ? $"{v / 1_000_000:0.##}M" : v >= 1_000 ? $"{v / 1_000:0.##}k" : $"{v:0.##}";

    public static string Milliseconds(double ms) => ms >= 1000 ? $"{ms / 1000:0.##} s" : ms >= 1 ? $"{ms:0.#} ms" : $"{ms:0.##} ms";
}
