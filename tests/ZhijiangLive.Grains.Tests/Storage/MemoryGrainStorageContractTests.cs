using Orleans.Hosting;

namespace ZhijiangLive.Grains.Tests.Storage;

/// <summary>Orleans' in-memory storage: the reference the other providers are held to.</summary>
public sealed class MemoryGrainStorageContractTests : GrainStorageContractTests
{
    protected override void AddStorage(ISiloBuilder silo) => silo.AddMemoryGrainStorage(ProfileGrain.StorageName);
}
