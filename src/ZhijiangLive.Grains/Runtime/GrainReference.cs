namespace ZhijiangLive.Grains.Runtime;

/// <summary>A handle on one grain: its id and the runtime's ways of messaging it.</summary>
public readonly struct GrainReference<TGrain> where TGrain : Grain
{
    private readonly GrainRuntime _runtime;

    internal GrainReference(GrainRuntime runtime, GrainId id)
    {
        _runtime = runtime;
        Id = id;
    }

    public GrainId Id { get; }

    public Task<TResult> Ask<TResult>(Func<TGrain, TResult> call) => _runtime.Ask<TGrain, TResult>(Id, call);

    public Task Ask(Action<TGrain> call) => _runtime.Ask<TGrain>(Id, call);

    public void Tell(Action<TGrain> call) => _runtime.Tell<TGrain>(Id, call);

    public void SendBuffered<TItem>(TItem item, Action<TGrain, IReadOnlyList<TItem>> deliver) =>
        _runtime.SendBuffered(Id, item, deliver);

    public override string ToString() => Id.ToString();
}
