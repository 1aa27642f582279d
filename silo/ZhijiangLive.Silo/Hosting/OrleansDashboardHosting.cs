using Orleans.Dashboard;
using ZhijiangLive.Silo.Operations;

namespace ZhijiangLive.Silo.Hosting;

/// <summary>
/// Orleans' own dashboard (silos, grain types, calls, latencies) at <c>/orleans</c>, for the province's
/// operators only, when <c>Zhijiang:OrleansDashboard:Enabled</c> is true. Off by default: it adds a call
/// filter that times every grain call, which the province's ingest pays for.
/// </summary>
public static class OrleansDashboardHosting
{
    public const string Path = "/orleans";
    private const string Setting = "Zhijiang:OrleansDashboard:Enabled";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool>(Setting);

    public static ISiloBuilder AddOrleansDashboardIfEnabled(this ISiloBuilder silo, IConfiguration configuration) =>
        Enabled(configuration) ? silo.AddDashboard() : silo;

    public static WebApplication MapOrleansDashboardIfEnabled(this WebApplication app)
    {
        if (Enabled(app.Configuration))
        {
            app.MapOrleansDashboard(Path).AddEndpointFilter(OrleansDashboardAccess.FilterAsync);
        }
        return app;
    }
}
