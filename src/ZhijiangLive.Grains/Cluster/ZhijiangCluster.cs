using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using ZhijiangLive.Grains.Forwarding;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Schools;

namespace ZhijiangLive.Grains.Cluster;

/// <summary>
/// What the host calls, in the silo that hosts it: roster changes, accepted events, queries and change
/// notifications, sent to the teacher, school and region grains through Orleans' <see cref="IGrainFactory"/>.
/// </summary>
public sealed partial class ZhijiangCluster(
    GrainServices services, IGrainFactory grains, GrainReferences references, SchoolOutbox outbox, CountyOutbox countyOutbox, IClusterMembershipService membership, ILocalSiloDetails local,
    ILogger<ZhijiangCluster> logger)
{
    private readonly InFlight _inFlight = new();

    public GrainServices Services => services;
    public IGrainFactory Grains => grains;
    public RosterDirectory Roster { get; } = new();

    /// <summary>
    /// Completes once everything sent so far has been scored and every report it caused has reached the
    /// province: every silo's school outbox, then every silo's county outbox, then counties and cities send on
    /// what waits in their forward windows.
    /// </summary>
    public async Task FlushAsync()
    {
        await _inFlight.DrainAsync().ConfigureAwait(false);
        await FlushOutboxesAsync().ConfigureAwait(false);
        foreach (var level in new[] { RegionLevel.County, RegionLevel.City })
        {
            await Task.WhenAll(Roster.Regions.Where(r => r.Level == level)
                .Select(r => references.Region(r.Id).FlushAsync())).ConfigureAwait(false);
        }
    }
}
