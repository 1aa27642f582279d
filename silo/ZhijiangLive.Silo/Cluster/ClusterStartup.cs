using Orleans.Runtime;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Journal;
using ZhijiangLive.Silo.Durability;
using ZhijiangLive.Storage;

namespace ZhijiangLive.Silo.Cluster;

/// <summary>
/// Joins this silo to the cluster's work before it listens: it starts after the Orleans silo (registered before
/// it) and before the web server, which a web host starts last. It opens the journal grain, which activates here
/// if it is nowhere yet (then this silo takes the journal and recovers, and the silo is ready only once replay
/// is done); otherwise this silo learns the roster from the silo that writes the journal.
/// </summary>
public sealed class ClusterStartup(
    IDurableStore store, JournalOwnership ownership, ZhijiangCluster cluster, IGrainFactory grains, ILogger<ClusterStartup> logger)
    : IHostedService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        cluster.Journal = new StoreJournalEvents(store);
        var journal = grains.GetGrain<IJournalGrain>(IJournalGrain.Key);
        while (true)
        {
            try
            {
                var owner = SiloAddress.FromParsableString(await journal.OpenAsync());
                if (owner.Equals(cluster.Silo))
                {
                    await ownership.Recovery!.WaitAsync(cancellationToken);
                }
                else
                {
                    await cluster.LoadRosterAsync(await cluster.AgentOf(owner).RosterAsync(cluster.Silo.ToParsableString()));
                    logger.LogInformation("Joined the cluster; silo {Owner} writes the journal, and the roster has {Teachers} teachers",
                        owner, cluster.Roster.TeacherCount);
                }
                break;
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested && ownership.Recovery is null)
            {
                // The journal's silo died and the cluster has not noticed yet: the next try activates the journal here.
                logger.LogWarning("The journal's silo did not answer ({Error}); trying again", error.Message);
                await Task.Delay(RetryInterval, cancellationToken);
            }
        }
        ownership.Starting = false;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
