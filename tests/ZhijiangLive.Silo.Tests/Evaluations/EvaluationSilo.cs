namespace ZhijiangLive.Silo.Tests.Evaluations;

/// <summary>A running silo per test, holding the two counties of <see cref="EvaluationFixtures.Roster"/>.</summary>
public abstract class EvaluationSilo : IAsyncLifetime
{
    private protected RunningSilo Silo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Silo = await RunningSilo.StartAsync();
        using var platform = Silo.PlatformClient();
        await platform.UpsertRosterAsync(EvaluationFixtures.Roster());
    }

    public Task DisposeAsync() => Silo.DisposeAsync().AsTask();
}
