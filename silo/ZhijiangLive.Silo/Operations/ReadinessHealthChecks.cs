using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ZhijiangLive.Silo.Operations;

/// <summary>
/// <see cref="Readiness"/> as .NET health checks, which Grpc.AspNetCore.HealthChecks maps onto
/// <c>grpc.health.v1</c>: "ready" for what journals (the server, Ingest, Roster), "running" for what answers
/// from memory (Query, Health) until the host stops.
/// </summary>
public static class ReadinessHealthChecks
{
    public const string Ready = "ready";
    public const string Running = "running";

    public static IHealthChecksBuilder AddReadinessChecks(this IHealthChecksBuilder checks) => checks
        .AddCheck<ReadyCheck>(Ready, tags: [Ready])
        .AddCheck<RunningCheck>(Running, tags: [Running]);

    private sealed class ReadyCheck(Readiness readiness) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var report = readiness.Report();
            return Task.FromResult(report.Ready
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy(string.Join("; ", report.Checks.Where(c => c.Value != Readiness.Ok).Select(c => $"{c.Key}: {c.Value}"))));
        }
    }

    private sealed class RunningCheck(Readiness readiness) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(readiness.Stopping ? HealthCheckResult.Unhealthy("the silo is stopping") : HealthCheckResult.Healthy());
    }
}
