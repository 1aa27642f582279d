using Grpc.Core;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Silo.Evaluations;
using ZhijiangLive.Silo.Grpc;
using ZhijiangLive.Silo.Mapping;

namespace ZhijiangLive.Silo.Services;

/// <summary>
/// <c>zhijiang.live.v1.Evaluation</c>: registration (报名), expert scores, sheets and rankings of the annual
/// rubrics, for a bureau token and its region (see <see cref="EvaluationDesk"/>).
/// </summary>
[GrpcAccess(GrpcAccess.Bureau)]
public sealed class EvaluationService(EvaluationDesk desk) : global::ZhijiangLive.Contracts.V1.Evaluation.EvaluationBase
{
    public const string Name = "zhijiang.live.v1.Evaluation";
    private const int DefaultLimit = 50;
    private const int MaxLimit = 1_000;

    public override Task<RubricList> ListRubrics(ListRubricsRequest request, ServerCallContext context)
    {
        var list = new RubricList();
        list.Rubrics.AddRange(desk.Rubrics.Values.OrderBy(r => r.Id, StringComparer.Ordinal).Select(EvaluationMapping.ToWire));
        return Task.FromResult(list);
    }

    public override Task<RosterReply> Register(RegisterRequest request, ServerCallContext context) =>
        Refusing(() => desk.RegisterAsync(context.Caller(), GrpcAdmission.Via, request.Candidates));

    public override Task<RosterReply> ScoreExpert(ScoreExpertRequest request, ServerCallContext context) =>
        Refusing(() => desk.ScoreAsync(context.Caller(), GrpcAdmission.Via, request.Scores));

    public override Task<RubricSheet> GetSheet(SheetRequest request, ServerCallContext context) => Refusing(async () =>
        EvaluationMapping.ToWire(await desk.SheetAsync(context.Caller(), GrpcAdmission.Via, request.RubricId, request.Year, request.TeacherId), desk));

    public override Task<EvaluationRanking> GetRanking(EvaluationRankingRequest request, ServerCallContext context) => Refusing(async () =>
    {
        if (request.Offset < 0 || request.Limit is < 0 or > MaxLimit)
        {
            throw new EvaluationRefusedException(EvaluationRefusal.Invalid, $"offset must be ≥ 0 and limit 0 to {MaxLimit} (0 means {DefaultLimit})");
        }
        var ranking = await desk.RankingAsync(context.Caller(), GrpcAdmission.Via, request.RubricId, request.Year, request.RegionId);
        return EvaluationMapping.ToWire(ranking, desk, request.Offset, request.Limit == 0 ? DefaultLimit : request.Limit);
    });

    private static async Task<T> Refusing<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (EvaluationRefusedException refused)
        {
            var code = refused.Refusal switch
            {
                EvaluationRefusal.OutOfScope => StatusCode.PermissionDenied,
                EvaluationRefusal.NotFound => StatusCode.NotFound,
                _ => StatusCode.InvalidArgument,
            };
            throw new RpcException(new Status(code, refused.Message));
        }
    }
}
