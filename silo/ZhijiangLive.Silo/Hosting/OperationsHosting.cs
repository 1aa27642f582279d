using Microsoft.AspNetCore.SignalR;
using ZhijiangLive.Silo.Metrics;
using ZhijiangLive.Silo.Operations;

namespace ZhijiangLive.Silo.Hosting;

/// <summary>Health, readiness, metrics and the bounded graceful stop (see README, "Operations").</summary>
public static class OperationsHosting
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var health = builder.Configuration.GetSection(HealthOptions.Section).Get<HealthOptions>() ?? new HealthOptions();
        if (health.ProbeInterval <= TimeSpan.Zero || health.ProbeTimeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Zhijiang:Health:ProbeInterval and ProbeTimeout must be longer than zero");
        }
        services.AddSingleton(health);
        var shutdownTimeout = HealthOptions.ShutdownTimeoutFrom(builder.Configuration);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = shutdownTimeout);
        services.AddSingleton<Readiness>();
        services.AddSingleton<GrpcHealthFollower>();
        services.AddSingleton(s =>
        {
            var metrics = ActivatorUtilities.CreateInstance<SiloMetrics>(s);
            var readiness = s.GetRequiredService<Readiness>();
            metrics.ObserveReadiness(() => readiness.IsReady);
            return metrics;
        });
        services.AddSingleton<HubConnectionCounter>();
        services.Configure<HubOptions>(hub => hub.AddFilter<HubConnectionCounter>());
        services.AddHostedService<SiloLifecycle>();
        services.AddHostedService<StoreProbe>();
        return builder.AddMetricsExport();
    }
}
