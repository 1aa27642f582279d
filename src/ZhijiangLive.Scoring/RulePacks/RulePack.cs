namespace ZhijiangLive.Scoring.RulePacks;

/// <summary>
/// Every number the rules use, as data. The default is the <c>zjer-2018</c> pack shipped with this
/// assembly; configuration can override any part of it (see <see cref="RulePackLoader"/>).
/// </summary>
public sealed record RulePack
{
    public required string Id { get; init; }
    public string TimeZone { get; init; } = "Asia/Shanghai";
    public TimeSpan GraceLate { get; init; } = TimeSpan.FromHours(72);
    public TimeSpan GraceEarly { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Days whose totals stay queryable after their details are dropped.</summary>
    public int DayHistoryDays { get; init; } = 35;

    /// <summary>Days after its last event that an undecided guidance task is forgotten.</summary>
    public int TaskRetentionDays { get; init; } = 30;

    public required ActiveThresholds ActiveThresholds { get; init; }
    public required RuleSettings Rules { get; init; }
}

/// <summary>The score a teacher needs in a period to count as an active space (SPEC §5).</summary>
public sealed record ActiveThresholds(int Day, int Month, int Year);

public sealed record RuleSettings
{
    public required StreakBonusSettings Login { get; init; }
    public required OnceEverSettings Profile { get; init; }
    public required PerOccurrenceSettings MobileOp { get; init; }
    public required DistinctPerItemSettings ResourceSpread { get; init; }
    public required StagedApprovalSettings ResourceReview { get; init; }
    public required PerOccurrenceSettings Teaching { get; init; }
    public required ThresholdPerItemSettings Guidance { get; init; }
    public required DailyDistinctTiersSettings Interaction { get; init; }
    public required PerItemDailySettings App { get; init; }
}
