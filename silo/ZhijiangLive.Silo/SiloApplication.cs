using ZhijiangLive.Silo.Api;
using ZhijiangLive.Silo.Demo;
using ZhijiangLive.Silo.Hosting;
using ZhijiangLive.Silo.Operations;

namespace ZhijiangLive.Silo;

/// <summary>The silo's table of contents: what it hosts and what it serves. Tests build it the same way.</summary>
public static class SiloApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        args = DemoHosting.Expand(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The dashboard's files are copied beside the assembly, wherever the silo is started from.
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Services.AddProblemDetails();
        builder.AddSiloEndpoints();
        builder.AddZhijiangAuth();
        builder.AddZhijiangCluster();
        builder.AddZhijiangStore();
        builder.AddGrpcServices();
        builder.AddQueryApi();
        builder.AddLiveDashboard();
        builder.AddDemo();
        builder.AddOperations();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseGrpcEndpoint();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGrpcEndpoints();
        app.MapQueryApi();
        app.MapEvaluationApi();
        app.MapLiveDashboard();
        app.MapOperations();
        app.MapOrleansDashboardIfEnabled();
        return app;
    }
}
