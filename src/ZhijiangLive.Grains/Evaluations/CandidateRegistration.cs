using Orleans;

namespace ZhijiangLive.Grains.Evaluations;

/// <summary>
/// A bureau registers a teacher as a candidate of a rubric for a year (报名), or withdraws it. The items a
/// rubric counts 报名后统计 count events accepted after the registration that occurred from <see cref="From"/> on.
/// </summary>
/// <param name="By">The principal that registered, for the audit trail.</param>
[GenerateSerializer, Immutable, Alias("zl.CandidateRegistration")]
public sealed record CandidateRegistration(
    [property: Id(0)] string RubricId,
    [property: Id(1)] int Year,
    [property: Id(2)] string TeacherId,
    [property: Id(3)] DateTimeOffset From,
    [property: Id(4)] bool Withdrawn,
    [property: Id(5)] string By);

/// <summary>Points an expert gave a candidate for one item a rubric leaves to experts (专家评分); the last entry counts.</summary>
[GenerateSerializer, Immutable, Alias("zl.ExpertScore")]
public sealed record ExpertScore(
    [property: Id(0)] string RubricId,
    [property: Id(1)] int Year,
    [property: Id(2)] string TeacherId,
    [property: Id(3)] string ItemId,
    [property: Id(4)] decimal Points,
    [property: Id(5)] string By);
