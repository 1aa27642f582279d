namespace ZhijiangLive.Silo.Tests.Newcomer;

/// <summary>
/// Runs README's commands one by one in bash from the repository's root, as a reader types them: what one
/// sets, the next sees. README's ports (zhijiang.py's through <c>ZHIJIANG_TARGET</c>) and data directory become the test silo's; the silo project's
/// and the load tester's <c>dotnet run</c> skip the build, which the test run has done; a curl fails on an
/// HTTP error, as a reader would notice one.
/// </summary>
internal sealed class ReadmeShell(string root, string dataDirectory, int httpPort, int grpcPort)
{
    private readonly string _environment = Path.Combine(dataDirectory, "readme-shell.env");

    public async Task<(int ExitCode, string Output)> RunAsync(string command)
    {
        var script = $"""
            set -a
            [ -f '{_environment}' ] && . '{_environment}'
            {Adapt(command)}
            code=$?
            export -p > '{_environment}'
            exit $code
            """;
        var start = ChildProcess.StartInfo("bash", ["-o", "pipefail", "-c", script], root);
        start.Environment["Zhijiang__DataDirectory"] = dataDirectory;
        start.Environment["ZHIJIANG_TARGET"] = $"127.0.0.1:{grpcPort}";
        var (exitCode, output, errors) = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(3));
        return (exitCode, $"{output}\n{errors}");
    }

    private string Adapt(string command)
    {
        var adapted = command
            .Replace("localhost:5080", $"127.0.0.1:{httpPort}")
            .Replace("localhost:5081", $"127.0.0.1:{grpcPort}")
            .Replace("data/first-run-credentials.txt", Path.Combine(dataDirectory, "first-run-credentials.txt"))
            .Replace("dotnet run --project silo/", "dotnet run --no-build --project silo/")
            .Replace("dotnet run --project load-tests/", "dotnet run --no-build --project load-tests/");
        // The load tester's reports go where it is told, not into the checkout; its gRPC target defaults to 5081.
        if (adapted.Contains("load-tests/", StringComparison.Ordinal))
        {
            adapted += $" --out '{Path.Combine(dataDirectory, "load-report")}'";
            if (!adapted.Contains("--target", StringComparison.Ordinal))
            {
                adapted += $" --target http://127.0.0.1:{grpcPort}";
            }
        }
        return adapted.StartsWith("curl ", StringComparison.Ordinal) ? "curl --fail " + adapted[5..] : adapted;
    }
}
