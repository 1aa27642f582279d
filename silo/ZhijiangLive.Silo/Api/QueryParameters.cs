using System.Globalization;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;

namespace ZhijiangLive.Silo.Api;

/// <summary>Reads the query string of the query API; every refusal names the parameter and what it takes.</summary>
internal static class QueryParameters
{
    public static bool TryDate(string? text, out DateOnly? date, out string? problem)
    {
        date = null;
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }
        problem = $"date '{text}' is not a date of the form YYYY-MM-DD";
        return false;
    }

    public static bool TryKind(string? text, out RankingKind kind, out string? problem)
    {
        (kind, problem) = (text ?? "teachers") switch
        {
            "teachers" => (RankingKind.Teachers, null),
            "schools" => (RankingKind.Schools, null),
            "regions" => (RankingKind.Regions, null),
            var other => (RankingKind.Teachers, $"kind '{other}' is not one of teachers, schools, regions"),
        };
        return problem is null;
    }

    public static bool TryPeriod(string? text, out Period period, out string? problem)
    {
        (period, problem) = (text ?? "day") switch
        {
            "day" => (Period.Day, null),
            "month" => (Period.Month, null),
            "year" => (Period.Year, null),
            var other => (Period.Day, $"period '{other}' is not one of day, month, year"),
        };
        return problem is null;
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
