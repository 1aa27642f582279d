using Grpc.HealthCheck;
using ZhijiangLive.Silo.Hosting;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace ZhijiangLive.Silo.Operations;

/// <summary>
/// Tells <c>grpc.health.v1</c>'s watchers of a readiness change at once. Grpc.AspNetCore.HealthChecks answers
/// Check from <see cref="ReadinessHealthChecks"/> each time, but updates watchers only when its health-check
/// publisher next runs (every 30 s); this sets the same statuses on its <see cref="HealthServiceImpl"/> the
/// moment <see cref="Readiness"/> changes. Once the host stops, the library says NOT_SERVING and ends the watches.
/// </summary>
public sealed class GrpcHealthFollower(HealthServiceImpl health, Readiness readiness)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ServingStatus> _told = new(StringComparer.Ordinal);

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
            if (readiness.Stopping)
            {
                return;
            }
            var ready = readiness.IsReady ? ServingStatus.Serving : ServingStatus.NotServing;
            foreach (var (service, journals) in GrpcHealthMapping.Services)
            {
                var status = journals ? ready : ServingStatus.Serving;
                if (!_told.TryGetValue(service, out var told) || told != status)
                {
                    _told[service] = status;
                    health.SetStatus(service, status);
                }
            }
        }
    }
}
