using System.Text;
using ZhijiangLive.Silo.Metrics;

namespace ZhijiangLive.Silo.Operations;

/// <summary>
/// The operational endpoints on the HTTP port, open to all (no credentials): <c>/healthz</c> (the process
/// serves), <c>/readyz</c> (it should be sent work) and <c>/metrics</c> (Prometheus text).
/// </summary>
public static class HealthEndpoints
{
    public static WebApplication MapOperations(this WebApplication app)
    {
        // Made now, so that they count from the start rather than from the first scrape.
        app.Services.GetRequiredService<MetricsCollector>();
        app.Services.GetRequiredService<SiloMetrics>();
        app.MapGet("/healthz", () => Results.Text("ok", "text/plain; charset=utf-8")).AllowAnonymous();
        app.MapGet("/readyz", (Readiness readiness) =>
        {
            var report = readiness.Report();
            return Results.Json(new { status = report.Ready ? "ready" : "not ready", checks = report.Checks },
                statusCode: report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        app.MapGet("/metrics", (MetricsCollector metrics) =>
        {
            var text = new StringBuilder();
            PrometheusText.Write(text, metrics.Collect());
            return Results.Text(text.ToString(), PrometheusText.ContentType);
        }).AllowAnonymous();
        return app;
    }
}
