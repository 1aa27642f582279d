using ZhijiangLive.Silo.Services;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace ZhijiangLive.Silo.Operations;

/// <summary>
/// Keeps <c>grpc.health.v1.Health</c> in step with <see cref="Readiness"/>: the server (<c>""</c>) and the
/// services that journal (Ingest, Roster) are SERVING exactly while the silo is ready; the others (Query,
/// Health) while it runs, since they answer from memory. Watchers are told of each change.
/// </summary>
public sealed class GrpcHealthFollower(HealthBoard board, Readiness readiness)
{
    private static readonly string[] Journaling = ["", IngestService.Name, RosterService.Name];
    private readonly Lock _lock = new();

    /// <summary>Sets every status now (NOT_SERVING until the silo is ready) and follows readiness from then on.</summary>
    public void Start()
    {
        readiness.Changed += Update;
        Update();
    }

    private void Update()
    {
        lock (_lock)
        {
            var ready = readiness.IsReady ? ServingStatus.Serving : ServingStatus.NotServing;
            var running = readiness.Stopping ? ServingStatus.NotServing : ServingStatus.Serving;
            foreach (var service in Hosting.GrpcHosting.ServiceNames.Append(""))
            {
                var status = Journaling.Contains(service) ? ready : running;
                if (board.StatusOf(service) != status)
                {
                    board.Set(service, status);
                }
            }
        }
    }
}
