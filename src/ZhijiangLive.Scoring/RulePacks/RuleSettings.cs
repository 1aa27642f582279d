namespace ZhijiangLive.Scoring.RulePacks;

// The settings of each rule kind. A kind is code; these are the numbers it is given.

public sealed record PerOccurrenceSettings(int Points, int DailyCap);

public sealed record StreakBonusSettings(int Points, int DailyCap, int StreakDays, int StreakPoints, int StreakDailyCap);

public sealed record OnceEverSettings(int Points);

public sealed record DistinctPerItemSettings(int Points, int DailyCap, int ItemCap);

public sealed record StagedApprovalSettings(int County, int City, int Province);

public sealed record ThresholdPerItemSettings(int Points, int Threshold, int DailyCap);

public sealed record DistinctTier(int At, int Points);

public sealed record DailyDistinctTiersSettings(int DailyCap, IReadOnlyList<DistinctTier> Tiers);

public sealed record PerItemDailySettings(int Points, int DailyCapPerApp, IReadOnlyList<string> Registry);
