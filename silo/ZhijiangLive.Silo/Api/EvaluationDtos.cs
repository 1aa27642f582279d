namespace ZhijiangLive.Silo.Api;

// The JSON shapes of the evaluation API; they mirror the gRPC Evaluation service's messages field for field.

public sealed record RubricDto(string Id, string Title, double Total, IReadOnlyList<RubricItemDto> Items, IReadOnlyList<AwardTierDto> Tiers);

public sealed record RubricItemDto(string Id, string Group, string Name, double Cap, bool Expert);

public sealed record AwardTierDto(string Name, double Share);

public sealed record RubricSheetDto(
    string RubricId, int Year, string TeacherId, string Name, string SchoolId, string? RegisteredFrom,
    double Total, int Rank, int Candidates, string? Tier, IReadOnlyList<SheetItemDto> Items);

public sealed record SheetItemDto(
    string Id, string Group, string Name, double Cap, double Points, long? Measured, MissingToNextDto? Next, IReadOnlyList<SheetPartDto> Parts);

public sealed record SheetPartDto(string? Measure, long? Measured, double Points, double Max, bool Expert, bool Entered, MissingToNextDto? Next);

public sealed record MissingToNextDto(string Measure, long More);

public sealed record EvaluationRankingDto(string RubricId, int Year, string RegionId, int TotalCandidates, IReadOnlyList<RankedCandidateDto> Entries);

public sealed record RankedCandidateDto(int Rank, int ProvinceRank, string TeacherId, string Name, string SchoolId, double Total, string? Tier);

/// <summary>A registration (报名) or withdrawal; <c>from</c> is an ISO 8601 instant, now when left out.</summary>
public sealed record CandidateBody(string? TeacherId, string? From, bool Withdrawn = false);

public sealed record RegisterBody(IReadOnlyList<CandidateBody>? Candidates);

public sealed record ExpertScoreBody(string? TeacherId, string? ItemId, double Points);

public sealed record ScoreExpertBody(IReadOnlyList<ExpertScoreBody>? Scores);

/// <summary>How many entries were taken, and why the others were not (<c>reason</c> as in gRPC: INVALID_CANDIDATE, …).</summary>
public sealed record EvaluationReplyDto(int Candidates, int ExpertScores, IReadOnlyList<RejectionDto> Rejections);

public sealed record RejectionDto(int Index, string Id, string Reason, string Detail);
