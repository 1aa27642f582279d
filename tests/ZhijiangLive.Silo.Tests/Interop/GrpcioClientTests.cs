namespace ZhijiangLive.Silo.Tests.Interop;

/// <summary>The gRPC server against grpcio (gRPC's C core), Debian's python3-grpcio: tests/interop/python.</summary>
public sealed class GrpcioClientTests
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task GrpcioClient_PassesEveryScenario()
    {
        var root = ClientScript.RepositoryRoot();
        var probe = await ClientScript.RunAsync(Python, ["-c", "import grpc, google.protobuf"], root);
        Assert.True(probe is { ExitCode: 0 },
            $"{Python} cannot import grpc and google.protobuf: install Debian's python3-grpcio and python3-protobuf " +
            $"(apt-get install python3-grpcio python3-protobuf, as tools/setup does). {probe?.Output ?? $"{Python} is missing."}");
        await using var silo = await RunningSilo.StartAsync(ClientScript.SiloSettings);

        var run = await ClientScript.RunAsync(Python, ["tests/interop/python/interop_test.py", .. ClientScript.ArgumentsFor(silo)], root);

        Assert.True(run!.Passed, run.ToString());
    }
}
