namespace ZhijiangLive.Scoring.Tests.Properties;

/// <summary>What <see cref="ScoreReader"/> answered, as text, so that two answers compare breakdowns and all.</summary>
public static class ScoresDigest
{
    public static string Of(TeacherScores s) =>
        $"{s.Date} streak {s.LoginStreak} active {s.ActiveDay}/{s.ActiveMonth}/{s.ActiveYear} " +
        $"day {Of(s.Day)} month {Of(s.Month)} year {Of(s.Year)} lifetime {Of(s.Lifetime)}";

    private static string Of(PeriodScore p) =>
        $"{p.Points}/{p.MobilePoints} [{string.Join(',', p.ByRule.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"))}]";
}
