using System.Globalization;

namespace ZhijiangLive.LoadTests.Options;

/// <summary>Typed values of options, each refusing a bad one with a message that names the option.</summary>
internal static class OptionValues
{
    public static int Int(string name, string value, int min, int max = int.MaxValue) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new UsageException($"{name} must be a whole number from {min} to {max}, not '{value}'");

    public static double Double(string name, string value, double min, double max = double.MaxValue) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= min && d <= max && double.IsFinite(d)
            ? d
            : throw new UsageException($"{name} must be a number from {min} to {max}, not '{value}'");

    public static Uri Url(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UsageException($"{name} must be an http:// or https:// address, not '{value}'");

    /// <summary>A span as <c>90</c> (seconds), <c>30s</c>, <c>2m</c>, <c>1h</c> or <c>00:02:00</c>.</summary>
    public static TimeSpan Duration(string name, string value)
    {
        var unit = value.Length > 0 ? value[^1] : ' ';
        var number = char.IsLetter(unit) ? value[..^1] : value;
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            switch (unit)
            {
                case 'h': return TimeSpan.FromHours(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
                case 's' or >= '0' and <= '9': return TimeSpan.FromSeconds(amount);
            }
        }
        if (value.Contains(':') && TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }
        throw new UsageException($"{name} must be a positive duration like 90, 30s, 2m or 1h, not '{value}'");
    }

    public static TimeOnly TimeOfDay(string name, string value) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t
            : throw new UsageException($"{name} must be a time of day like 06:30, not '{value}'");

    public static DateTimeOffset Instant(string name, string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new UsageException($"{name} must be an instant like 2026-03-02T10:00:00+08:00, not '{value}'");

    public static T Choice<T>(string name, string value, params (string Name, T Value)[] choices)
    {
        foreach (var (choice, result) in choices)
        {
            if (string.Equals(choice, value, StringComparison.OrdinalIgnoreCase))
            {
                return result;
            }
        }
        throw new UsageException($"{name} must be one of {string.Join(", ", choices.Select(c => c.Name))}, not '{value}'");
    }
}
