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

public sealed record LeaderboardDto(IReadOnlyList<LeaderboardEntryDto> Entries, int Total);
