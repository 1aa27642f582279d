namespace ZhijiangLive.Silo.Security;

/// <summary>Says at start-up where first-run credentials are: the files' paths only, never what is in them.</summary>
internal sealed partial class FirstRunNotice(FirstRunOutcome outcome, ILogger<FirstRunNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (outcome.CredentialsPath is { } written)
        {
            LogCreated(logger, outcome.AuthPath, written);
        }
        else
        {
            LogReused(logger, outcome.AuthPath);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 9010, Level = LogLevel.Warning,
        Message = "No credentials were configured (Zhijiang:Auth): made a platform key and a signing key in {AuthPath}; the key and a province token are in {CredentialsPath}, readable by this user only")]
    private static partial void LogCreated(ILogger logger, string authPath, string credentialsPath);

    [LoggerMessage(EventId = 9011, Level = LogLevel.Information, Message = "Credentials from the first run: {AuthPath}")]
    private static partial void LogReused(ILogger logger, string authPath);
}
