namespace ZhijiangLive.Scoring;

/// <summary>A teacher's scores for the day, month and year containing <see cref="Date"/> (SPEC §3).</summary>
public sealed record TeacherScores(
    DateOnly Date,
    PeriodScore Day,
    PeriodScore Month,
    PeriodScore Year,
    PeriodScore Lifetime,
    int LoginStreak,
    bool ActiveDay,
    bool ActiveMonth,
    bool ActiveYear);
