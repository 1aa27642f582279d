namespace ZhijiangLive.Silo.Tests.Interop;

/// <summary>tools/zhijiang.py, run from the repository's root against a running silo with the platform key.</summary>
internal static class ZhijiangPy
{
    public const string Python = "/usr/bin/python3";

    public static async Task<ClientScript> RunAsync(RunningSilo silo, params string[] command)
    {
        string[] arguments = ["tools/zhijiang.py", "--target", $"{silo.GrpcAddress.Host}:{silo.GrpcAddress.Port}",
            "--key", TestCredentials.PlatformKey, .. command];
        return await ClientScript.RunAsync(Python, arguments, ClientScript.RepositoryRoot())
            ?? throw new InvalidOperationException($"{Python} could not be started");
    }
}
