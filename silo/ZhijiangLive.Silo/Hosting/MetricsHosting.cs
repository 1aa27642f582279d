using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using ZhijiangLive.Silo.Metrics;
using ZhijiangLive.Silo.Operations;

namespace ZhijiangLive.Silo.Hosting;

/// <summary>
/// <c>/metrics</c> through OpenTelemetry's Prometheus exporter (see README, "Metrics"): the silo's
/// <c>ZhijiangLive.*</c> meters and, beside them, Orleans' own (activations, messages, membership), ASP.NET
/// Core's requests, Kestrel's connections and the runtime's.
/// </summary>
public static class MetricsHosting
{
    private static readonly string[] PlatformMeters =
        ["Microsoft.Orleans", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime"];

    public static WebApplicationBuilder AddMetricsExport(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, metrics) =>
            metrics.AddView(new MetricViews(services.GetRequiredService<IMeterFactory>()).Select));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(IngestMetrics.MeterName, SiloMetrics.MeterName)
            .AddMeter(PlatformMeters)
            .AddPrometheusExporter(prometheus =>
            {
                // Every scrape reads the figures as they are; the default keeps one answer for 300 ms.
                prometheus.ScrapeResponseCacheDurationMilliseconds = 0;
                // The series as they were before OpenTelemetry: no otel_scope_* labels, no target_info family.
                prometheus.ScopeInfoEnabled = false;
                prometheus.TargetInfoEnabled = false;
            }));
        return builder;
    }
}
