namespace ZhijiangLive.Grains.Journal;

/// <summary>
/// What a silo does as the journal's writer, given to the journal grain by the host that has the ingest
/// sequence and the store. Requests and replies travel as the contract's protobuf bytes, so the grain knows
/// nothing of gRPC.
/// </summary>
public interface IJournalOwner
{
    /// <summary>The journal grain activated on this silo: from now on this silo writes the journal (recovery first).</summary>
    void TakeOver();

    /// <summary>True once this silo lost the journal to another (fenced): it must not be the journal's silo again.</summary>
    bool Fenced { get; }

    /// <summary>A <c>PublishRequest</c> from another silo's gateway, for the named publisher.</summary>
    Task<OwnerReply> PublishAsync(byte[] request, string publisherName, string publisherKeyId);

    /// <summary>A <c>RosterBatch</c> from another silo's gateway.</summary>
    Task<OwnerReply> UpsertRosterAsync(byte[] batch);
}
