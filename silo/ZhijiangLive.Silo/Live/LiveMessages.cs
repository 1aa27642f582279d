namespace ZhijiangLive.Silo.Live;

// What the hub sends a dashboard (SignalR JSON protocol, camelCase). "snapshot" carries every section;
// "update" carries only the sections that changed since the connection's last message (the others are null).

/// <summary>A region's live state for one period, or the changed part of it.</summary>
public sealed record LiveMessage(
    string RegionId,
    string RegionName,
    string Level,
    string Period,
    string Date,
    double EventsPerSecond,
    LiveKpi? Kpi,
    IReadOnlyList<LiveTeacherRow>? TopTeachers,
    IReadOnlyList<LiveSchoolRow>? TopSchools,
    IReadOnlyList<LiveChildRegion>? Children);

/// <summary>
/// The tiles: counted teachers, active spaces (teachers at target) and their ratio against the school
/// target ratio, mean score against the period's teacher target, and schools meeting both school targets.
/// </summary>
public sealed record LiveKpi(
    int Teachers,
    int Active,
    double ActiveRatio,
    double ActiveRatioTarget,
    double Mean,
    double MeanTarget,
    long Total,
    int Schools,
    int SchoolsMeetingTargets);

public sealed record LiveTeacherRow(int Rank, string Id, string Name, string School, string County, double Score);

public sealed record LiveSchoolRow(int Rank, string Id, string Name, string County, double Score);

public sealed record LiveChildRegion(string Id, string Name, int Teachers, double ActiveRatio, double Mean);

/// <summary>A region for the picker.</summary>
public sealed record LiveRegion(string Id, string Name, string Level, string? ParentId);
