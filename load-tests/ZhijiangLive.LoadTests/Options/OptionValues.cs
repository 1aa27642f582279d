using System.CommandLine;
using System.Globalization;

namespace ZhijiangLive.LoadTests.Options;

/// <summary>Typed options, each refusing a bad value with a message that names the option and says what it takes.</summary>
internal static class OptionValues
{
    private delegate bool TryParse<T>(string text, out T value);

    public static Option<int> Int(string name, int min, int max, string description) =>
        Parsed(name, "N", description, $"a whole number from {min} to {max}", (string text, out int n) =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out n) && n >= min && n <= max);

    public static Option<double> Double(string name, double min, double max, string description) =>
        Parsed(name, "X", description, $"a number from {min} to {max}", (string text, out double d) => IsNumber(text, min, max, out d));

    public static Option<Uri> Url(string name, string description) =>
        Parsed(name, "URL", description, "an http:// or https:// address", (string text, out Uri uri) =>
            Uri.TryCreate(text, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    /// <summary>A span as <c>90</c> (seconds), <c>30s</c>, <c>2m</c>, <c>1h</c> or <c>00:02:00</c>.</summary>
    public static Option<TimeSpan> Duration(string name, string description) =>
        Parsed<TimeSpan>(name, "T", description, "a positive duration like 90, 30s, 2m or 1h", TryDuration);

    public static Option<TimeOnly> TimeOfDay(string name, string description) =>
        Parsed(name, "HH:MM", description, "a time of day like 06:30", (string text, out TimeOnly t) =>
            TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out t));

    public static Option<DateTimeOffset> Instant(string name, string description) =>
        Parsed(name, "INSTANT", description, "an instant like 2026-03-02T10:00:00+08:00", (string text, out DateTimeOffset at) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at));

    public static Option<T> Choice<T>(string name, string description, params (string Name, T Value)[] choices) =>
        Parsed(name, string.Join('|', choices.Select(c => c.Name)), description, $"one of {string.Join(", ", choices.Select(c => c.Name))}",
            (string text, out T value) =>
            {
                var match = choices.Where(c => string.Equals(c.Name, text, StringComparison.OrdinalIgnoreCase)).ToList();
                value = match.Count == 1 ? match[0].Value : default!;
                return match.Count == 1;
            });

    /// <summary><c>curve</c>, <c>max</c>, or a flat rate of at least one event a second.</summary>
    public static Option<(PaceKind Kind, double FlatRate)> Rate(string name, string description) =>
        Parsed(name, "curve|N|max", description, "a number from 1 (events a second), curve or max", (string text, out (PaceKind, double) pace) =>
        {
            pace = text.ToLowerInvariant() switch
            {
                "curve" => (PaceKind.Curve, 0),
                "max" => (PaceKind.Max, 0),
                _ => (PaceKind.Flat, IsNumber(text, 1, double.MaxValue, out var rate) ? rate : 0),
            };
            return pace.Item1 != PaceKind.Flat || pace.Item2 > 0;
        });

    public static Option<string> NonEmpty(string name, string helpName, string description)
    {
        var option = new Option<string>(name) { Description = description, HelpName = helpName };
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>())) result.AddError($"{name} must not be empty");
        });
        return option;
    }

    private static Option<T> Parsed<T>(string name, string helpName, string description, string expected, TryParse<T> parse) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (parse(text, out var value)) return value;
            result.AddError($"{name} must be {expected}, not '{text}'");
            return default!;
        },
    };

    private static bool IsNumber(string text, double min, double max, out double d) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out d) && d >= min && d <= max && double.IsFinite(d);

    private static bool TryDuration(string text, out TimeSpan span)
    {
        span = TimeSpan.Zero;
        var unit = text.Length > 0 ? text[^1] : ' ';
        var number = char.IsLetter(unit) ? text[..^1] : text;
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            span = unit switch
            {
                'h' => TimeSpan.FromHours(amount),
                'm' => TimeSpan.FromMinutes(amount),
                's' or >= '0' and <= '9' => TimeSpan.FromSeconds(amount),
                _ => TimeSpan.Zero,
            };
            if (span > TimeSpan.Zero) return true;
        }
        return text.Contains(':') && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out span) && span > TimeSpan.Zero;
    }
}
