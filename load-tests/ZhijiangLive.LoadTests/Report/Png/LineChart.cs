using System.Globalization;

namespace ZhijiangLive.LoadTests.Report.Png;

/// <summary>A series of a chart: its points (x, y; NaN y leaves a gap) and colour.</summary>
public sealed record Series(string Name, IReadOnlyList<(double X, double Y)> Points, (byte R, byte G, byte B) Colour);

/// <summary>
/// Draws series over time as a PNG: a frame, four horizontal grid lines with their values, seconds along the
/// bottom, each series as a 2-pixel line. Units and the legend go in the report's text, next to the image.
/// </summary>
public static class LineChart
{
    private const int Width = 960, Height = 420, Left = 80, Right = 24, Top = 24, Bottom = 40;
    private static readonly (byte, byte, byte) Ink = (40, 40, 40), Grid = (225, 225, 225);

    public static byte[] Render(IReadOnlyList<Series> series, string yUnit)
    {
        var canvas = new Canvas(Width, Height);
        var points = series.SelectMany(s => s.Points).Where(p => double.IsFinite(p.Y)).ToList();
        var xMax = Math.Max(1, series.SelectMany(s => s.Points).Select(p => p.X).DefaultIfEmpty(1).Max());
        var yMax = Nice(points.Count == 0 ? 1 : points.Max(p => p.Y));
        int X(double x) => Left + (int)((Width - Left - Right) * x / xMax);
        int Y(double y) => Height - Bottom - (int)((Height - Top - Bottom) * Math.Clamp(y / yMax, 0, 1));

        for (var g = 0; g <= 4; g++)
        {
            var value = yMax * g / 4;
            canvas.Line(Left, Y(value), Width - Right, Y(value), Grid);
            var label = Short(value);
            canvas.Text(Left - 8 - Canvas.TextWidth(label), Y(value) - 5, label, Ink);
        }
        canvas.Text(8, Top - 12, yUnit, Ink);
        var step = Nice(xMax / 6);
        for (var second = 0.0; second <= xMax; second += step)
        {
            var label = Short(second) + "s";
            canvas.Text(X(second) - Canvas.TextWidth(label) / 2, Height - Bottom + 10, label, Ink);
        }
        canvas.Line(Left, Top, Left, Height - Bottom, Ink);
        canvas.Line(Left, Height - Bottom, Width - Right, Height - Bottom, Ink);

        foreach (var s in series)
        {
            (int X, int Y)? last = null;
            foreach (var (x, y) in s.Points)
            {
                if (!double.IsFinite(y)) { last = null; continue; }
                var here = (X(x), Y(y));
                if (last is { } from) canvas.Line(from.X, from.Y, here.Item1, here.Item2, s.Colour, 2);
                else canvas.Fill(here.Item1 - 1, here.Item2 - 1, here.Item1 + 1, here.Item2 + 1, s.Colour);
                last = here;
            }
        }
        return canvas.ToPng();
    }

    /// <summary>The next of 1, 2, 5 × 10^n at or above <paramref name="value"/>, so the grid has round values.</summary>
    private static double Nice(double value)
    {
        if (value <= 0) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * power >= value) return step * power;
        }
        return 10 * power;
    }

    private static string Short(double v) => v >= 1_000_000 ? (v / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "M"
        : v >= 1_000 ? (v / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k"
        : v.ToString(v < 10 ? "0.##" : "0", CultureInfo.InvariantCulture);
}
