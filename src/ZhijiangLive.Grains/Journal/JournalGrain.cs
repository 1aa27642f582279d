using Orleans;
using Orleans.Concurrency;
using Orleans.Placement;
using Orleans.Runtime;

namespace ZhijiangLive.Grains.Journal;

/// <summary>
/// Placed on the silo that first calls it, which then takes the journal over. Reentrant: batches from every
/// gateway are in flight together, and the silo's ingest sequence orders them. A silo that lost the journal to
/// another lets the grain go, so that the next call finds the journal where it is written now.
/// </summary>
[PreferLocalPlacement, Reentrant, KeepAlive]
public sealed class JournalGrain(IJournalOwner owner, ILocalSiloDetails silo) : Grain, IJournalGrain
{
    private const int Unavailable = 14;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!owner.Fenced)
        {
            owner.TakeOver();
        }
        return Task.CompletedTask;
    }

    public Task<string> OpenAsync() => Task.FromResult(silo.SiloAddress.ToParsableString());

    public Task<OwnerReply> PublishAsync(byte[] request, string publisherName, string publisherKeyId) =>
        IfNotFenced() ?? owner.PublishAsync(request, publisherName, publisherKeyId);

    public Task<OwnerReply> UpsertRosterAsync(byte[] batch) => IfNotFenced() ?? owner.UpsertRosterAsync(batch);

    private Task<OwnerReply>? IfNotFenced()
    {
        if (!owner.Fenced)
        {
            return null;
        }
        DeactivateOnIdle();
        return Task.FromResult(OwnerReply.Refused(Unavailable,
            $"silo {silo.SiloAddress} no longer writes the journal; nothing of this call was taken, send it again"));
    }
}
