namespace ZhijiangLive.Silo.Tests.Grpc;

/// <summary>
/// A silo with the fixtures' roster and a hand-built gRPC connection to it, started per test class with
/// the settings the class names, and stopped with it.
/// </summary>
public abstract class SeededSilo(params string[] settings) : IAsyncLifetime
{
    private protected RunningSilo Silo { get; private set; } = null!;
    private protected RawGrpc Grpc { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Silo = await RunningSilo.StartAsync(settings);
        await GrpcFixtures.SeedRosterAsync(Silo.Cluster);
        Grpc = new RawGrpc(Silo.GrpcAddress);
    }

    public virtual async Task DisposeAsync()
    {
        Grpc.Dispose();
        await Silo.DisposeAsync();
    }
}
