namespace ZhijiangLive.Silo.Api;

// The JSON shapes of the query API; they mirror the gRPC Query service's messages field for field.

public sealed record TeacherDto(
    string Id,
    string Name,
    string SchoolId,
    bool Locked,
    string Date,
    long Day,
    long Month,
    long Year,
    IReadOnlyDictionary<string, int> DayByRule,
    IReadOnlyDictionary<string, int> MonthByRule,
    IReadOnlyDictionary<string, int> YearByRule,
    int LoginStreak,
    bool ActiveDay,
    bool ActiveMonth,
    bool ActiveYear);

/// <summary>A day's ledger: <c>kept</c> false means the day is too old to be explained, not that it was quiet.</summary>
public sealed record LedgerDto(string Id, string Date, bool Kept, bool Complete, IReadOnlyList<LedgerEntryDto> Entries);

public sealed record LedgerEntryDto(string EventId, string Rule, int Points, string Day, string? Note);

public sealed record PeriodFiguresDto(long Total, double Mean, int Active, double ActiveRatio);

public sealed record GroupDto(
    string Id,
    string Name,
    string Date,
    int Teachers,
    PeriodFiguresDto Day,
    PeriodFiguresDto Month,
    PeriodFiguresDto Year,
    int Schools,
    int SchoolsMeetingTargets);

public sealed record LeaderboardEntryDto(int Rank, string Id, string Name, double Score);

public sealed record LeaderboardDto(IReadOnlyList<LeaderboardEntryDto> Entries, int Total, bool Provisional);

/// <summary>The token's region (its name when it is on the roster) and when the token stops working.</summary>
public sealed record SessionDto(string RegionId, string? RegionName, string? Expires);
