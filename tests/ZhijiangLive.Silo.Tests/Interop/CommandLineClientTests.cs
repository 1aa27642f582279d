namespace ZhijiangLive.Silo.Tests.Interop;

/// <summary>tools/zhijiang.py, the command-line client README's examples use, against a running silo.</summary>
public sealed class CommandLineClientTests : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";
    private RunningSilo _silo = null!;

    public async Task InitializeAsync()
    {
        _silo = await RunningSilo.StartAsync();
        await Grpc.GrpcFixtures.SeedRosterAsync(_silo.Cluster);
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Theory]
    [InlineData("teaching_session")]
    [InlineData("teaching")] // the rule id, as SPEC §4 and the ledger name it
    public async Task Publish_TakesAnEventKind_OrTheRuleIdItScores(string kind)
    {
        var run = await ZhijiangPyAsync("publish", "--teacher", "T1", "--kind", kind, "--at", RunningSilo.Now.ToString("O"));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("\"accepted\": 1", run.Output);
    }

    [Fact]
    public async Task AnUnknownKind_IsRefusedWithTheKindsThereAre()
    {
        var run = await ZhijiangPyAsync("publish", "--teacher", "T1", "--kind", "teachin");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'teachin' is not an event kind; the kinds are login, profile_updated,", run.Output);
        Assert.Contains("rule ids work too: profile, mobile_op, resource_review, teaching, app", run.Output);
    }

    private async Task<ClientScript> ZhijiangPyAsync(params string[] command)
    {
        string[] arguments = ["tools/zhijiang.py", "--target", $"{_silo.GrpcAddress.Host}:{_silo.GrpcAddress.Port}",
            "--key", TestCredentials.PlatformKey, .. command];
        return await ClientScript.RunAsync(Python, arguments, ClientScript.RepositoryRoot())
            ?? throw new InvalidOperationException($"{Python} could not be started");
    }
}
