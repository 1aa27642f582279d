using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using ZhijiangLive.Grains.Silos;
using ZhijiangLive.Grains.Teachers;

namespace ZhijiangLive.Grains.Cluster;

/// <summary>
/// The per-silo parts of the facade made cluster-wide: this silo's own are used directly, every other
/// active silo's through its agent (<see cref="ISiloAgentGrain"/>). With one silo, nothing leaves it.
/// </summary>
public sealed partial class ZhijiangCluster
{
    /// <summary>This silo's address in the cluster.</summary>
    public SiloAddress Silo => local.SiloAddress;

    /// <summary>The other silos that are active members now.</summary>
    public IReadOnlyList<SiloAddress> OtherSilos() => membership.CurrentSnapshot.Members.Values
        .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(local.SiloAddress))
        .Select(m => m.SiloAddress)
        .ToList();

    public ISiloAgentGrain AgentOf(SiloAddress silo) => grains.GetGrain<ISiloAgentGrain>(silo.ToParsableString());

    /// <summary>
    /// Every silo's school outbox sends what waits in it, then every silo's county outbox (a school may live on
    /// another silo than its teachers); the counties have it all when this completes.
    /// </summary>
    private async Task FlushOutboxesAsync()
    {
        var others = OtherSilos();
        await Task.WhenAll(outbox.FlushAsync(), OnEverySiloAsync(others, agent => agent.FlushOutboxAsync(), "flush its school outbox")).ConfigureAwait(false);
        await Task.WhenAll(countyOutbox.FlushAsync(), OnEverySiloAsync(others, agent => agent.FlushCountyOutboxAsync(), "flush its county outbox")).ConfigureAwait(false);
    }

    /// <summary>
    /// Calls each silo's agent side by side. A silo that does not answer is dying (membership will soon say so)
    /// or cut off; it is logged and the others go on, as its grains come back elsewhere and hear it all again.
    /// </summary>
    private async Task OnEverySiloAsync(IReadOnlyList<SiloAddress> silos, Func<ISiloAgentGrain, Task> call, string what)
    {
        await Task.WhenAll(silos.Select(async silo =>
        {
            try
            {
                await call(AgentOf(silo)).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                logger.LogWarning("Silo {Silo} did not {What}: {Error}", silo, what, error.Message);
            }
        })).ConfigureAwait(false);
    }

    internal Task FlushLocalOutboxAsync() => outbox.FlushAsync();

    internal Task FlushLocalCountyOutboxAsync() => countyOutbox.FlushAsync();

    internal async Task<int> SaveLocalChangedTeachersAsync(long cut)
    {
        var changed = Services.ChangedTeachers.TakeAll();
        var written = 0;
        try
        {
            await Waves.SendAsync(changed, async id =>
            {
                if (await references.Teacher(id).SaveAsync(cut).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref written);
                }
            }).ConfigureAwait(false);
        }
        catch
        {
            // A teacher whose write failed lists itself again; one not yet asked must be asked next time.
            changed.ForEach(Services.ChangedTeachers.Add);
            throw;
        }
        return written;
    }
}
