using System.Globalization;
using System.Text;

namespace ZhijiangLive.Silo.Operations;

/// <summary>
/// Prometheus' text exposition format 0.0.4. Names come from the instrument's: characters Prometheus does
/// not allow become <c>_</c> (so dots do), a unit Prometheus names is appended (<c>s</c> → <c>_seconds</c>,
/// <c>By</c> → <c>_bytes</c>; an annotation such as <c>{event}</c> adds nothing), and a counter ends in
/// <c>_total</c>. A family with no measurement yet is written as one unlabelled zero, so that every metric
/// is there from the start.
/// </summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string NameOf(MetricFamily family)
    {
        var name = Sanitize(family.Name);
        var unit = family.Unit switch
        {
            "s" => "seconds",
            "ms" => "milliseconds",
            "By" => "bytes",
            _ => null,
        };
        if (unit is not null && !name.EndsWith("_" + unit, StringComparison.Ordinal))
        {
            name += "_" + unit;
        }
        if (family.Kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }
        return name;
    }

    public static void Write(StringBuilder text, IEnumerable<MetricFamily> families)
    {
        foreach (var family in families.OrderBy(f => NameOf(f), StringComparer.Ordinal))
        {
            var name = NameOf(family);
            text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(family.Description ?? family.Name)).Append('\n');
            text.Append("# TYPE ").Append(name).Append(' ').Append(family.Kind.ToString().ToLowerInvariant()).Append('\n');
            var points = family.Points.Count > 0 ? family.Points : [new MetricPoint([], 0, [], [0])];
            foreach (var point in points)
            {
                if (family.Kind == MetricKind.Histogram)
                {
                    WriteHistogram(text, name, point);
                }
                else
                {
                    Sample(text, name, point.Labels, null, point.Value);
                }
            }
        }
    }

    private static void WriteHistogram(StringBuilder text, string name, MetricPoint point)
    {
        var bounds = point.Bounds ?? [];
        var counts = point.BucketCounts ?? [];
        long cumulative = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            cumulative += counts[i];
            var le = i < bounds.Count ? Number(bounds[i]) : "+Inf";
            Sample(text, name + "_bucket", point.Labels, le, cumulative);
        }
        Sample(text, name + "_sum", point.Labels, null, point.Sum);
        Sample(text, name + "_count", point.Labels, null, point.Count);
    }

    private static void Sample(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, string? le, double value)
    {
        text.Append(name);
        if (labels.Count > 0 || le is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var (key, label) in labels)
            {
                text.Append(first ? "" : ",").Append(Sanitize(key)).Append("=\"").Append(EscapeLabel(label)).Append('"');
                first = false;
            }
            if (le is not null)
            {
                text.Append(first ? "" : ",").Append("le=\"").Append(le).Append('"');
            }
            text.Append('}');
        }
        text.Append(' ').Append(Number(value)).Append('\n');
    }

    /// <summary>Letters, digits, <c>_</c> and <c>:</c>, not starting with a digit.</summary>
    public static string Sanitize(string name)
    {
        var clean = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            clean.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        }
        if (clean.Length == 0 || char.IsAsciiDigit(clean[0]))
        {
            clean.Insert(0, '_');
        }
        return clean.ToString();
    }

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    private static string EscapeHelp(string help) => help.Replace("\\", @"\\").Replace("\n", @"\n");

    private static string EscapeLabel(string value) => value.Replace("\\", @"\\").Replace("\"", "\\\"").Replace("\n", @"\n");
}
