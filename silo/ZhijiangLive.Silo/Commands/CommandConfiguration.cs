using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Commands;

/// <summary>
/// The configuration a command reads, as the silo would: appsettings.json beside the assembly, the
/// environment, the command line's settings, and the first run's <c>data/auth.json</c> when nothing else
/// configures credentials. A command never creates first-run files; only the silo does.
/// </summary>
public static class CommandConfiguration
{
    public static ConfigurationManager Read(IEnumerable<string> settings)
    {
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine([.. settings]);
        FirstRunCredentials.LoadExisting(configuration);
        return configuration;
    }

    /// <summary>The value after a flag, or null with the reason when it is missing.</summary>
    public static string? ValueAfter(string[] args, ref int index, out string problem)
    {
        if (index + 1 >= args.Length || args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            problem = $"{args[index]} needs a value";
            return null;
        }
        problem = "";
        return args[++index];
    }
}
