namespace ZhijiangLive.Silo.Live;

// What the hub sends a dashboard (SignalR JSON protocol, camelCase). "snapshot" carries every section;
// "update" carries only the sections that changed since the connection's last message (the others are null).

/// <summary>
/// A region's live state for one period, or the changed part of it. Every message also says what makes a
/// teacher an active space in each period, and which period's score breaks the rankings' ties.
/// </summary>
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
    IReadOnlyList<LiveChildRegion>? Children,
    LiveThresholds Thresholds,
    string TieBreakPeriod);

/// <summary>The score that makes a teacher an active space, by period (SPEC §5: 1, 30 and 300 by default).</summary>
public sealed record LiveThresholds(int Day, int Month, int Year);

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

/// <summary>A ranked teacher; <c>Tied</c> members share its rank, <c>TieBreak</c> is its score in the message's tie-break period.</summary>
public sealed record LiveTeacherRow(int Rank, string Id, string Name, string School, string County, double Score, int Tied, double TieBreak);

/// <summary>A ranked school (by mean score); <c>Tied</c> and <c>TieBreak</c> as for a teacher.</summary>
public sealed record LiveSchoolRow(int Rank, string Id, string Name, string County, double Score, int Tied, double TieBreak);

public sealed record LiveChildRegion(string Id, string Name, int Teachers, double ActiveRatio, double Mean);

/// <summary>A region for the picker.</summary>
public sealed record LiveRegion(string Id, string Name, string Level, string? ParentId);
