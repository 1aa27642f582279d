using System.Net;
using Orleans.Configuration;
using Orleans.Hosting;

namespace ZhijiangLive.Grains.Hosting;

/// <summary>
/// Orleans' ADO.NET clustering and grain storage on PostgreSQL. The tables and the queries the providers run
/// come from ZhijiangLive.Storage's schema files (<c>Schema/Postgres/002</c>–<c>004</c>), which the store applies
/// at start-up; the database must have them before the silo starts.
/// </summary>
public static class PostgresProviders
{
    /// <summary>The ADO.NET invariant name under which Orleans loads Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Joins the cluster whose membership table is in <paramref name="connectionString"/>'s database, with the
    /// same service and cluster id as <see cref="ZhijiangSilo.UseSingleSilo"/>, so that storage written by one
    /// silo is found by the others. A silo port of 0 takes a free one; a gateway port of 0 opens no gateway.
    /// </summary>
    /// <param name="advertisedAddress">the address other silos reach this one at; loopback (one machine) by default</param>
    /// <remarks>
    /// Failure detection is tuned for silos on one machine or one LAN, where a probe answers in milliseconds:
    /// <list type="bullet">
    /// <item><c>ProbeTimeout</c> 1 s (default 5 s; Orleans adapts it between half and four times that): a silo
    /// that misses <c>NumMissedProbesLimit</c> 3 probes in a row is suspected, so a killed silo is voted dead in
    /// about 3 s rather than about 15 s (measured here), and its grains answer again on another silo soon after.</item>
    /// <item><c>DeathVoteExpirationTimeout</c> 15 s (default 2 min): votes outlive several detection rounds, so
    /// the votes of a larger cluster still add up, yet a stale suspicion of a silo that recovered is soon forgotten.</item>
    /// <item><c>TableRefreshTimeout</c> 5 s (default 1 min): a silo that missed the gossip learns of a change
    /// from the table within seconds.</item>
    /// <item><c>IAmAliveTablePublishTimeout</c> 5 s (default 30 s): the heartbeat in the table, one row update
    /// per silo every 5 s, shows an operator (and the cluster's staleness check) a hung silo promptly.</item>
    /// </list>
    /// </remarks>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder silo, string connectionString, int siloPort, int gatewayPort,
        IPAddress? advertisedAddress = null)
    {
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        silo.Configure<Orleans.Configuration.ClusterOptions>(options =>
        {
            options.ServiceId = "zhijiang-live";
            options.ClusterId = "zhijiang-live";
        });
        silo.ConfigureEndpoints(advertisedAddress ?? IPAddress.Loopback, siloPort == 0 ? LoopbackPort.Free() : siloPort, gatewayPort);
        silo.Configure<ClusterMembershipOptions>(options =>
        {
            options.ProbeTimeout = TimeSpan.FromSeconds(1);
            options.NumMissedProbesLimit = 3;
            options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(15);
            options.TableRefreshTimeout = TimeSpan.FromSeconds(5);
            options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        });
        return silo;
    }

    /// <summary>Orleans' ADO.NET grain storage named <paramref name="name"/>, in <paramref name="connectionString"/>'s database.</summary>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder silo, string name, string connectionString) =>
        silo.AddAdoNetGrainStorage(name, options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
}
