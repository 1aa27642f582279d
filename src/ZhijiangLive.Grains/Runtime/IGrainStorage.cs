namespace ZhijiangLive.Grains.Runtime;

/// <summary>
/// Where grain state lives between activations. The runtime reads it when a grain activates and
/// writes it when the grain deactivates; both calls come from the grain's partition thread, so an
/// implementation must be safe for concurrent use by several partitions.
/// </summary>
public interface IGrainStorage
{
    /// <summary>The stored state, or null when the grain has never been written.</summary>
    object? Read(GrainId id);

    void Write(GrainId id, object state);
}
