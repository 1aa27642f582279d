using System.Globalization;
using Grpc.Core;
using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Silo.Evaluations;
using ZhijiangLive.Silo.Mapping;
using ZhijiangLive.Silo.Security;
using V1 = ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Silo.Api;

/// <summary>
/// The evaluation rubrics over HTTP and JSON, beside the gRPC Evaluation service and answering alike (both go
/// through <see cref="EvaluationDesk"/>): rubrics, a region's ranking, a candidate's sheet, registrations and
/// expert scores. A refusal is an RFC 7807 problem: 400 invalid, 403 outside the token's region, 404 unknown.
/// </summary>
public static class EvaluationApi
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 1_000;

    public static RouteGroupBuilder MapEvaluationApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/evaluations").RequireBureau();
        api.MapGet("", (EvaluationDesk desk) => Results.Ok(desk.Rubrics.Values.OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => ToDto(EvaluationMapping.ToWire(r))).ToList()));
        api.MapGet("/{rubricId}/{year:int}/ranking", GetRanking);
        api.MapGet("/{rubricId}/{year:int}/candidates/{teacherId}", GetSheet);
        api.MapPost("/{rubricId}/{year:int}/candidates", Register);
        api.MapPost("/{rubricId}/{year:int}/expert-scores", ScoreExpert);
        return api;
    }

    private static Task<IResult> GetRanking(string rubricId, int year, string? region, int? offset, int? limit, EvaluationDesk desk, HttpContext context) =>
        Refusing(async () =>
        {
            if (offset < 0 || limit is < 1 or > MaxLimit)
            {
                return BadRequest($"offset must be ≥ 0 and limit 1 to {MaxLimit}");
            }
            var ranking = await desk.RankingAsync(Caller(context), ApiGuard.Via, rubricId, year, region);
            return Results.Ok(ToDto(EvaluationMapping.ToWire(ranking, desk, offset ?? 0, limit ?? DefaultLimit)));
        });

    private static Task<IResult> GetSheet(string rubricId, int year, string teacherId, EvaluationDesk desk, HttpContext context) =>
        Refusing(async () => Results.Ok(ToDto(EvaluationMapping.ToWire(await desk.SheetAsync(Caller(context), ApiGuard.Via, rubricId, year, teacherId), desk))));

    private static Task<IResult> Register(string rubricId, int year, RegisterBody? body, EvaluationDesk desk, HttpContext context) =>
        Refusing(async () =>
        {
            if (body?.Candidates is not { Count: > 0 } candidates)
            {
                return BadRequest("the body must be {\"candidates\": [{\"teacherId\": …, \"from\": …, \"withdrawn\": …}, …]} with at least one candidate");
            }
            var wire = new List<V1.Candidate>(candidates.Count);
            foreach (var c in candidates)
            {
                var candidate = new V1.Candidate { RubricId = rubricId, Year = year, TeacherId = c.TeacherId ?? "", Withdrawn = c.Withdrawn };
                if (c.From is { Length: > 0 } from)
                {
                    if (!DateTimeOffset.TryParse(from, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
                    {
                        return BadRequest($"from '{from}' is not an ISO 8601 instant (e.g. 2026-03-01T00:00:00+08:00)");
                    }
                    candidate.From = Timestamp.FromDateTimeOffset(instant);
                }
                wire.Add(candidate);
            }
            return Results.Ok(ToDto(await desk.RegisterAsync(Caller(context), ApiGuard.Via, wire)));
        });

    private static Task<IResult> ScoreExpert(string rubricId, int year, ScoreExpertBody? body, EvaluationDesk desk, HttpContext context) =>
        Refusing(async () =>
        {
            if (body?.Scores is not { Count: > 0 } scores)
            {
                return BadRequest("the body must be {\"scores\": [{\"teacherId\": …, \"itemId\": …, \"points\": …}, …]} with at least one score");
            }
            var wire = scores.Select(s => new V1.ExpertScore
            {
                RubricId = rubricId, Year = year, TeacherId = s.TeacherId ?? "", ItemId = s.ItemId ?? "", Points = s.Points,
            }).ToList();
            return Results.Ok(ToDto(await desk.ScoreAsync(Caller(context), ApiGuard.Via, wire)));
        });

    private static async Task<IResult> Refusing(Func<Task<IResult>> call)
    {
        try
        {
            return await call();
        }
        catch (EvaluationRefusedException refused)
        {
            return refused.Refusal switch
            {
                EvaluationRefusal.OutOfScope => ApiProblems.Forbidden(refused.Message),
                EvaluationRefusal.NotFound => Results.Problem(refused.Message, statusCode: StatusCodes.Status404NotFound, title: "not found"),
                _ => BadRequest(refused.Message),
            };
        }
        catch (RpcException unavailable) when (unavailable.StatusCode == StatusCode.Unavailable)
        {
            // The journal is moving between silos: nothing was taken, and the same request later will be.
            return Results.Problem(unavailable.Status.Detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "unavailable");
        }
    }

    private static Principal Caller(HttpContext context) => PrincipalClaims.PrincipalOf(context.User)!;

    private static IResult BadRequest(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "invalid request");

    private static RubricDto ToDto(V1.RubricInfo r) => new(r.Id, r.Title, r.Total,
        [.. r.Items.Select(i => new RubricItemDto(i.Id, i.Group, i.Name, i.Cap, i.Expert))],
        [.. r.Tiers.Select(t => new AwardTierDto(t.Name, t.Share))]);

    private static RubricSheetDto ToDto(V1.RubricSheet s) => new(
        s.RubricId, s.Year, s.TeacherId, s.Name, s.SchoolId,
        s.RegisteredFrom?.ToDateTimeOffset().ToString("O", CultureInfo.InvariantCulture),
        s.Total, s.Rank, s.Candidates, s.Tier.Length == 0 ? null : s.Tier,
        [.. s.Items.Select(i => new SheetItemDto(i.Id, i.Group, i.Name, i.Cap, i.Points, i.HasMeasured ? i.Measured : null, ToDto(i.Next),
            [.. i.Parts.Select(p => new SheetPartDto(p.Measure.Length == 0 ? null : p.Measure, p.HasMeasured ? p.Measured : null,
                p.Points, p.Max, p.Expert, p.Entered, ToDto(p.Next)))]))]);

    private static MissingToNextDto? ToDto(V1.MissingToNext? next) => next is null ? null : new(next.Measure, next.More);

    private static EvaluationRankingDto ToDto(V1.EvaluationRanking r) => new(r.RubricId, r.Year, r.RegionId, r.TotalCandidates,
        [.. r.Entries.Select(e => new RankedCandidateDto(e.Rank, e.ProvinceRank, e.TeacherId, e.Name, e.SchoolId, e.Total, e.Tier.Length == 0 ? null : e.Tier))]);

    private static EvaluationReplyDto ToDto(V1.RosterReply reply) => new(reply.Candidates, reply.ExpertScores,
        [.. reply.Rejections.Select(r => new RejectionDto(r.Index, r.EventId, r.Reason, r.Detail))]);
}
