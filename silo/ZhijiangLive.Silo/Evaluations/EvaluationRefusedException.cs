namespace ZhijiangLive.Silo.Evaluations;

/// <summary>A request the evaluation desk refuses whole, before anything of it is journaled.</summary>
public sealed class EvaluationRefusedException(EvaluationRefusal refusal, string message) : Exception(message)
{
    public EvaluationRefusal Refusal { get; } = refusal;
}

public enum EvaluationRefusal
{
    /// <summary>The request cannot be answered as asked: INVALID_ARGUMENT, HTTP 400.</summary>
    Invalid,

    /// <summary>A teacher or region outside the token's region (or not on the roster): PERMISSION_DENIED, HTTP 403.</summary>
    OutOfScope,

    /// <summary>No such rubric, or the teacher is not its candidate: NOT_FOUND, HTTP 404.</summary>
    NotFound,
}
