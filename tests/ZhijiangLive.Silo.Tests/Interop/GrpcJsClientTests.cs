namespace ZhijiangLive.Silo.Tests.Interop;

/// <summary>The gRPC server against @grpc/grpc-js (pure JavaScript on Node's HTTP/2): tests/interop/node.</summary>
public sealed class GrpcJsClientTests
{
    [Fact]
    public async Task GrpcJsClient_PassesEveryScenario()
    {
        var root = ClientScript.RepositoryRoot();
        var scripts = Path.Combine(root, "tests", "interop", "node");
        Assert.True(Directory.Exists(Path.Combine(scripts, "node_modules", "@grpc", "grpc-js")),
            "tests/interop/node has no node_modules: run 'npm ci --prefix tests/interop/node' (Node.js and npm: " +
            "apt-get install nodejs npm), as tools/setup does");
        await using var silo = await RunningSilo.StartAsync(ClientScript.SiloSettings);

        var run = await ClientScript.RunAsync("node", ["interop.test.js", .. ClientScript.ArgumentsFor(silo)], scripts);

        Assert.True(run is not null, "'node' is not on the PATH: apt-get install nodejs npm, as tools/setup does");
        Assert.True(run.Passed, run.ToString());
    }
}
