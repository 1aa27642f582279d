using Grpc.AspNetCore.HealthChecks;
using Grpc.Health.V1;
using ZhijiangLive.Silo.Operations;
using ZhijiangLive.Silo.Services;

namespace ZhijiangLive.Silo.Hosting;

/// <summary>
/// Which readiness check each name of <c>grpc.health.v1</c> reports: the server (<c>""</c>) and the services that
/// journal (Ingest, Roster) are SERVING exactly while the silo is ready; Query and Health while it runs.
/// </summary>
public static class GrpcHealthMapping
{
    public static readonly string HealthServiceName = Health.Descriptor.FullName;

    /// <summary>Each reported name, and whether it needs the journal.</summary>
    public static readonly (string Name, bool Journals)[] Services =
    [
        ("", true), (IngestService.Name, true), (RosterService.Name, true), (QueryService.Name, false), (EvaluationService.Name, false), (HealthServiceName, false),
    ];

    public static void Map(GrpcHealthChecksOptions options)
    {
        options.Services.Clear();
        foreach (var (name, journals) in Services)
        {
            var check = journals ? ReadinessHealthChecks.Ready : ReadinessHealthChecks.Running;
            options.Services.Map(name, context => context.Tags.Contains(check));
        }
    }
}
