using Grpc.AspNetCore.Server;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Silo.Evaluations;
using ZhijiangLive.Silo.Grpc;
using ZhijiangLive.Silo.Ingest;
using ZhijiangLive.Silo.Operations;
using ZhijiangLive.Silo.Services;

namespace ZhijiangLive.Silo.Hosting;

/// <summary>
/// The gRPC services on Grpc.AspNetCore, served on their own listener: Ingest and Roster (platform keys),
/// Query and Evaluation (bureau tokens), Health (Grpc.AspNetCore.HealthChecks) and server reflection (anyone).
/// </summary>
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
        // One instance of each service for the silo's life, as they hold no per-call state.
        services.AddSingleton<IngestService>();
        services.AddSingleton<RosterService>();
        services.AddSingleton<QueryService>();
        services.AddSingleton<EvaluationDesk>();
        services.AddSingleton<EvaluationService>();
        services.AddSingleton<GrpcAdmission>();
        services.AddSingleton<GrpcGate>();
        services.AddGrpc(grpc => grpc.Interceptors.Add<UnexpectedFailureInterceptor>());
        // The limits come from the GrpcServerOptions that EndpointHosting bound, not from a second binding.
        services.AddOptions<GrpcServiceOptions>().Configure<GrpcServerOptions>((grpc, ours) =>
        {
            grpc.MaxReceiveMessageSize = ours.MaxMessageSize;
            grpc.MaxSendMessageSize = null;
        });
        services.AddGrpcReflection();
        // grpc.health.v1 from Grpc.AspNetCore.HealthChecks: Check runs the readiness checks each time; a Watch
        // ends with NOT_SERVING when the host stops, so that no watcher holds a graceful stop up.
        services.AddGrpcHealthChecks(GrpcHealthMapping.Map).AddReadinessChecks();
        return builder;
    }

    /// <summary>The gate (listener, credentials) runs before any gRPC endpoint; then the services are mapped.</summary>
    public static WebApplication UseGrpcEndpoint(this WebApplication app)
    {
        var gate = app.Services.GetRequiredService<GrpcGate>();
        app.UseRouting();
        app.Use((context, next) => gate.InvokeAsync(context, next));
        return app;
    }

    public static WebApplication MapGrpcEndpoints(this WebApplication app)
    {
        app.MapGrpcService<IngestService>();
        app.MapGrpcService<RosterService>();
        app.MapGrpcService<QueryService>();
        app.MapGrpcService<EvaluationService>();
        app.MapGrpcHealthChecksService().WithMetadata(new GrpcAccessAttribute(GrpcAccess.Anyone));
        // Discovery (grpcurl list, Postman) names only what the contract already publishes.
        app.MapGrpcReflectionService().WithMetadata(new GrpcAccessAttribute(GrpcAccess.Anyone));
        return app;
    }
}
