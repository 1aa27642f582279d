using ZhijiangLive.Grains.Roster;

namespace ZhijiangLive.Grains.Cluster;

/// <summary>Roster entries to add or update, applied regions first (parents before children), then schools, then teachers.</summary>
public sealed record RosterBatch(
    IReadOnlyList<RegionEntry> Regions,
    IReadOnlyList<SchoolEntry> Schools,
    IReadOnlyList<TeacherEntry> Teachers);

/// <summary>How many entries of each kind were taken, and why the others were not.</summary>
public sealed record RosterResult(int Regions, int Schools, int Teachers, IReadOnlyList<RosterRejection> Rejections);

/// <summary>An entry refused: its kind (<c>region</c>, <c>school</c>, <c>teacher</c>), index in its list, id and reason.</summary>
public sealed record RosterRejection(string Kind, int Index, string Id, string Detail);
