using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Silo.Grpc;
using ZhijiangLive.Silo.Ingest;
using ZhijiangLive.Silo.Services;

namespace ZhijiangLive.Silo.Hosting;

/// <summary>The gRPC services on their own endpoint: Ingest and Roster (platform keys), Query (bureau tokens) and Health (anyone).</summary>
public static class GrpcHosting
{
    public static WebApplicationBuilder AddGrpcServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(s => new EventIdWindow(
            s.GetRequiredService<ZhijiangCluster>().Services.Scorer.Pack.GraceLate, s.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IngestSequencer>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton(builder.Configuration.GetSection(IngestLimitOptions.Section).Get<IngestLimitOptions>() ?? new IngestLimitOptions());
        services.AddSingleton<IngestRateLimit>();
        services.AddSingleton<IngestService>();
        services.AddSingleton<RosterService>();
        services.AddSingleton<QueryService>();
        services.AddSingleton<HealthBoard>();
        services.AddSingleton<HealthService>();
        services.AddSingleton(s =>
        {
            var methods = new GrpcMethods();
            s.GetRequiredService<IngestService>().Map(methods);
            s.GetRequiredService<RosterService>().Map(methods);
            s.GetRequiredService<QueryService>().Map(methods);
            s.GetRequiredService<HealthService>().Map(methods);
            return methods;
        });
        services.AddSingleton<GrpcAdmission>();
        services.AddSingleton<GrpcDispatcher>();
        return builder;
    }

    /// <summary>
    /// Requests on the gRPC endpoint go to the dispatcher and nowhere else; the rest pass on. Health's
    /// statuses follow readiness (Operations/GrpcHealthFollower).
    /// </summary>
    public static WebApplication UseGrpcEndpoint(this WebApplication app)
    {
        var endpoint = app.Services.GetRequiredService<GrpcEndpoint>();
        var dispatcher = app.Services.GetRequiredService<GrpcDispatcher>();
        app.Use((context, next) => endpoint.Serves(context) ? dispatcher.InvokeAsync(context) : next(context));
        return app;
    }
}
