using Orleans;

namespace ZhijiangLive.Grains.Journal;

/// <summary>
/// The one journal of a cluster, as a grain with one well-known key: the silo it lives on writes the journal,
/// and every other silo's gateway hands it its published batches and roster changes. When that silo dies,
/// the next call activates it on another, which takes the journal over.
/// </summary>
[Alias("zl.IJournalGrain")]
public interface IJournalGrain : IGrainWithStringKey
{
    public const string Key = "journal";

    /// <summary>Activates the journal (on the calling silo if it is nowhere yet) and answers the silo it is on.</summary>
    [Alias("Open")]
    Task<string> OpenAsync();

    [Alias("Publish")]
    Task<OwnerReply> PublishAsync(byte[] request, string publisherName, string publisherKeyId);

    [Alias("UpsertRoster")]
    Task<OwnerReply> UpsertRosterAsync(byte[] batch);
}
