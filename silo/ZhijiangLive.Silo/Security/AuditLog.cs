namespace ZhijiangLive.Silo.Security;

/// <summary>
/// Which principal read which region, school or teacher, and which was refused: the category
/// <c>ZhijiangLive.Audit</c>, so that it can be routed apart from the service's own logs. Ids only, never names.
/// </summary>
public sealed partial class AuditLog(ILoggerFactory loggers)
{
    public const string Category = "ZhijiangLive.Audit";
    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public void Read(Principal principal, string via, ScopeKind kind, string id) => LogRead(_logger, principal.Name, via, kind, id);

    public void Refused(Principal? principal, string via, string reason) => LogRefused(_logger, principal?.Name ?? "anonymous", via, reason);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "{Principal} read {Kind} {Id} via {Via}")]
    private static partial void LogRead(ILogger logger, string principal, string via, ScopeKind kind, string id);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "{Principal} refused at {Via}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string principal, string via, string reason);
}
