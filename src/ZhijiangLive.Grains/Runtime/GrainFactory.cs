namespace ZhijiangLive.Grains.Runtime;

/// <summary>
/// Finds grains by key, as Orleans' IGrainFactory does. A reference is cheap and location
/// transparent: the grain is activated by its first message, wherever that comes from.
/// </summary>
public sealed class GrainFactory
{
    private readonly GrainRuntime _runtime;

    internal GrainFactory(GrainRuntime runtime) => _runtime = runtime;

    /// <summary>The grain of the kind <typeparamref name="TGrain"/> was registered under.</summary>
    public GrainReference<TGrain> GetGrain<TGrain>(string key) where TGrain : Grain =>
        new(_runtime, new GrainId(_runtime.KindOf(typeof(TGrain)), key));

    public GrainReference<TGrain> GetGrain<TGrain>(GrainId id) where TGrain : Grain => new(_runtime, id);
}
