namespace ZhijiangLive.Silo.Security;

/// <summary>
/// Which principal read which region, school or teacher, which entered a candidate or an expert score, and which was refused: the category
/// <c>ZhijiangLive.Audit</c>, so that it can be routed apart from the service's own logs. Ids only, never names.
/// Refusals are logged up to <see cref="RefusalSampler.PerSecond"/> a second; the rest are counted in one line.
/// </summary>
public sealed partial class AuditLog : IDisposable
{
    public const string Category = "ZhijiangLive.Audit";
    private readonly ILogger _logger;
    private readonly RefusalSampler _refusals;

    public AuditLog(ILoggerFactory loggers)
    {
        _logger = loggers.CreateLogger(Category);
        // Real seconds, not the silo's clock: like the rate limits, the bound protects the machine (its disk),
        // whose time is not the business clock that tests stand still.
        _refusals = new RefusalSampler(TimeProvider.System, count => LogSuppressed(_logger, count, RefusalSampler.PerSecond));
    }

    public void Read(Principal principal, string via, ScopeKind kind, string id) => LogRead(_logger, principal.Name, via, kind, id);

    /// <summary>A change a bureau made: a registration (报名), a withdrawal or an expert score, with the teacher it concerns.</summary>
    public void Wrote(Principal principal, string via, string change, string teacherId) => LogWrote(_logger, principal.Name, change, teacherId, via);

    public void Refused(Principal? principal, string via, string reason)
    {
        if (_refusals.Admit())
        {
            LogRefused(_logger, principal?.Name ?? "anonymous", via, reason);
        }
    }

    public void Dispose() => _refusals.Dispose();

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "{Principal} read {Kind} {Id} via {Via}")]
    private static partial void LogRead(ILogger logger, string principal, string via, ScopeKind kind, string id);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Information, Message = "{Principal} entered {Change} for teacher {Id} via {Via}")]
    private static partial void LogWrote(ILogger logger, string principal, string change, string id, string via);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "{Principal} refused at {Via}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string principal, string via, string reason);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "{Count} more refusals in that second were not logged one by one (at most {PerSecond} a second are)")]
    private static partial void LogSuppressed(ILogger logger, long count, int perSecond);
}
