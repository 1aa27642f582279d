using ZhijiangLive.Grains.Evaluations;
using ZhijiangLive.Grains.Roster;

namespace ZhijiangLive.Grains.Cluster;

/// <summary>Roster entries to add or update, applied regions first (parents before children), then schools, then teachers.</summary>
public sealed record RosterBatch(
    IReadOnlyList<RegionEntry> Regions,
    IReadOnlyList<SchoolEntry> Schools,
    IReadOnlyList<TeacherEntry> Teachers)
{
    /// <summary>Registrations (报名) and withdrawals, taken after the teachers.</summary>
    public IReadOnlyList<CandidateRegistration> Candidates { get; init; } = [];

    /// <summary>Expert scores, taken after the registrations.</summary>
    public IReadOnlyList<ExpertScore> ExpertScores { get; init; } = [];
}

/// <summary>How many entries of each kind were taken, and why the others were not.</summary>
public sealed record RosterResult(int Regions, int Schools, int Teachers, IReadOnlyList<RosterRejection> Rejections)
{
    public int Candidates { get; init; }
    public int ExpertScores { get; init; }
}

/// <summary>An entry refused: its kind (<c>region</c>, <c>school</c>, <c>teacher</c>, <c>candidate</c>, <c>expert_score</c>), index in its list, id and reason.</summary>
public sealed record RosterRejection(string Kind, int Index, string Id, string Detail);
