namespace ZhijiangLive.Grains.Tests.Clustering;

/// <summary>A counter kept in grain storage, activated on the silo that first calls it.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds one, writes the count, and says where it ran.</summary>
    Task<CounterReading> Increment();
}

[GenerateSerializer]
public sealed record CounterReading([property: Id(0)] int Count, [property: Id(1)] SiloAddress Host);

[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)] public int Count { get; set; }
}

[Orleans.Placement.PreferLocalPlacement]
public sealed class CounterGrain(
    [PersistentState("counter", CounterGrain.StorageName)] IPersistentState<CounterState> counter,
    ILocalSiloDetails silo) : Grain, ICounterGrain
{
    public const string StorageName = "cluster-store";

    public async Task<CounterReading> Increment()
    {
        counter.State.Count++;
        await counter.WriteStateAsync();
        return new CounterReading(counter.State.Count, silo.SiloAddress);
    }
}
