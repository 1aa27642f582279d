using System.Text;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Tests.Properties;

/// <summary>A teacher state written out in a fixed order, so two states compare as text.</summary>
public static class StateDigest
{
    public static string Of(TeacherState state)
    {
        var s = new StringBuilder();
        s.AppendLine($"teacher {state.TeacherId} horizon {state.HorizonDay} profile {state.ProfileCompleted}");
        Series(s, "day", state.Days);
        Series(s, "month", state.Months);
        Series(s, "year", state.Years);
        s.AppendLine($"lifetime {Totals(state.Lifetime)}");
        s.AppendLine($"logins {string.Join(' ', state.Logins.Runs.Select(r => $"{r.First}-{r.Last}"))}");
        foreach (var (id, r) in (state.Resources ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            s.AppendLine($"resource {id} count {r.SpreadCount} spread {r.SpreadPoints} review {r.ReviewPoints} " +
                $"mobile review {r.MobileReviewPoints} levels {r.ReviewLevelsPaid} deleted {r.Deleted} spreaders {Set(r.Spreaders)}");
        }
        s.AppendLine($"decided tasks {string.Join(',', state.DecidedTasks.Fingerprints.ToArray())}");
        foreach (var (id, t) in (state.Tasks ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            s.AppendLine($"task {id} published {t.Published} last {t.LastActivityDay} students {Set(t.Students)}");
        }
        return s.ToString();
    }

    private static void Series(StringBuilder s, string name, PeriodSeries series)
    {
        foreach (var bucket in series.Live)
        {
            s.Append($"{name} {bucket.Key} live {Totals(bucket.Totals)}");
            if (bucket.Working is { } w)
            {
                s.Append($" counterparts {Set(w.Counterparts)} sessions {Set(w.Sessions)} apps {string.Join(',', w.AppPoints ?? [])}");
            }
            s.AppendLine();
        }
        foreach (var closed in series.Closed)
        {
            s.AppendLine($"{name} {closed.Key} closed {closed.Total} {closed.Mobile}");
        }
    }

    private static string Totals(PeriodTotals totals) =>
        $"{totals.Total} {totals.Mobile} [{string.Join(',', Enumerable.Range(0, RuleIds.Count).Select(totals.Of))}]";

    private static string Set(IEnumerable<string>? set) =>
        set is null ? "-" : string.Join(',', set.Order(StringComparer.Ordinal));
}
