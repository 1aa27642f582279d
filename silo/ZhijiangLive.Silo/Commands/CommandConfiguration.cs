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
}
