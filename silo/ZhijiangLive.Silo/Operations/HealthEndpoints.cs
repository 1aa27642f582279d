using OpenTelemetry.Metrics;
using ZhijiangLive.Silo.Metrics;

namespace ZhijiangLive.Silo.Operations;

/// <summary>
/// The operational endpoints on the HTTP port, open to all (no credentials): <c>/healthz</c> (the process
/// serves), <c>/readyz</c> (it should be sent work) and <c>/metrics</c> (OpenTelemetry's Prometheus exporter).
/// </summary>
public static class HealthEndpoints
{
    public static WebApplication MapOperations(this WebApplication app)
    {
        // The exporter listens first, then the meters are made: they count from the start, not from the first scrape.
        app.Services.GetRequiredService<MeterProvider>();
        app.Services.GetRequiredService<SiloMetrics>();
        app.Services.GetRequiredService<IngestMetrics>();
        app.MapGet("/healthz", () => Results.Text("ok", "text/plain; charset=utf-8")).AllowAnonymous();
        app.MapGet("/readyz", (Readiness readiness) =>
        {
            var report = readiness.Report();
            return Results.Json(new { status = report.Ready ? "ready" : "not ready", checks = report.Checks },
                statusCode: report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        return app;
    }
}
