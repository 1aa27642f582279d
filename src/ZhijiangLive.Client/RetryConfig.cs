using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace ZhijiangLive.Client;

/// <summary>
/// Grpc.Net.Client's retry policy for the calls that are safe to send again: publishing (the server keeps each
/// event id once, so a resent request lands once), the roster (an upsert), every query, and the evaluations (a
/// registration again keeps the first, an expert score again is the same score). PublishStream is
/// left out: a stream that failed half-way is the caller's to resume.
/// </summary>
internal static class RetryConfig
{
    private static readonly MethodName[] s_retried =
    [
        new() { Service = "zhijiang.live.v1.Ingest", Method = "Publish" },
        new() { Service = "zhijiang.live.v1.Roster", Method = "Upsert" },
        new() { Service = "zhijiang.live.v1.Query" },
        new() { Service = "zhijiang.live.v1.Evaluation" },
        new() { Service = "grpc.health.v1.Health", Method = "Check" },
    ];

    public static ServiceConfig? For(int retries)
    {
        if (retries <= 0)
        {
            return null;
        }
        var method = new MethodConfig
        {
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = retries + 1,
                InitialBackoff = TimeSpan.FromMilliseconds(100),
                MaxBackoff = TimeSpan.FromSeconds(2),
                BackoffMultiplier = 2,
                RetryableStatusCodes = { StatusCode.Unavailable },
            },
        };
        foreach (var name in s_retried)
        {
            method.Names.Add(name);
        }
        return new ServiceConfig { MethodConfigs = { method } };
    }
}
