using System.Text.Json;

namespace ZhijiangLive.Silo.Security;

/// <summary>
/// Credentials for a silo started with none configured, so that it works on a fresh machine: a random
/// signing key and one platform key's hash in <c>data/auth.json</c>, loaded as configuration, and the key
/// itself with a province token in <c>data/first-run-credentials.txt</c> for the operator. Both files are
/// readable by their owner only. Later starts load the same <c>auth.json</c>; configured credentials (in
/// appsettings, the environment or the command line) take its place entirely.
/// </summary>
public static class FirstRunCredentials
{
    public const string AuthFileName = "auth.json";
    public const string CredentialsFileName = "first-run-credentials.txt";
    public const string KeyName = "first-run";
    public static readonly TimeSpan TokenValidity = TimeSpan.FromDays(30);

    /// <summary>Whether any platform key or signing key is configured by other means.</summary>
    public static bool Configured(IConfiguration configuration) =>
        configuration.GetSection($"{AuthOptions.Section}:ApiKeys").GetChildren().Any()
        || configuration.GetSection($"{AuthOptions.Section}:TokenSigningKeys").GetChildren().Any();

    /// <summary>Where the files live: <c>Zhijiang:Auth:FirstRunDirectory</c>, else the data directory (beside the SQLite file).</summary>
    public static string DirectoryOf(IConfiguration configuration) =>
        configuration[$"{AuthOptions.Section}:FirstRunDirectory"] is { Length: > 0 } directory ? directory : Hosting.DataDirectory.Of(configuration);

    /// <summary>Loads an existing <c>auth.json</c> when nothing else configures credentials; its path, or null.</summary>
    public static string? LoadExisting(IConfigurationManager configuration)
    {
        var path = Path.GetFullPath(Path.Combine(DirectoryOf(configuration), AuthFileName));
        if (Configured(configuration) || !File.Exists(path))
        {
            return null;
        }
        configuration.AddJsonFile(path, optional: false, reloadOnChange: false);
        return path;
    }

    /// <summary>
    /// Loads <c>auth.json</c>, creating it first (with the credentials file) when it does not exist.
    /// Null when credentials are configured by other means; otherwise what was done, to be logged.
    /// </summary>
    public static FirstRunOutcome? LoadOrCreate(IConfigurationManager configuration, DateTimeOffset now)
    {
        if (Configured(configuration))
        {
            return null;
        }
        var directory = DirectoryOf(configuration);
        if (LoadExisting(configuration) is { } existing)
        {
            return new FirstRunOutcome(existing, null);
        }
        var credentialsPath = Path.GetFullPath(Path.Combine(directory, CredentialsFileName));
        var authPath = Path.GetFullPath(Path.Combine(directory, AuthFileName));
        GitIgnoreGuard.EnsureIgnored(credentialsPath);
        GitIgnoreGuard.EnsureIgnored(authPath);
        Directory.CreateDirectory(directory);
        var key = ApiKeyRing.NewKey();
        var signingKey = BureauTokens.NewSigningKey();
        var region = configuration[$"{AuthOptions.Section}:FirstRunRegion"] is { Length: > 0 } configured ? configured : "330000";
        var expires = now + TokenValidity;
        var token = new BureauTokens([signingKey]).Create(region, expires);
        // The operator's copy first: if writing auth.json then fails, the next start makes both again.
        WritePrivate(credentialsPath, CredentialsText(key, region, token, expires, now));
        var auth = new { Zhijiang = new { Auth = new { ApiKeys = new[] { new { Name = KeyName, Sha256 = ApiKeyRing.Hash(key) } }, TokenSigningKeys = new[] { signingKey } } } };
        WritePrivate(authPath, JsonSerializer.Serialize(auth, new JsonSerializerOptions { WriteIndented = true }));
        configuration.AddJsonFile(authPath, optional: false, reloadOnChange: false);
        return new FirstRunOutcome(authPath, credentialsPath);
    }

    private static string CredentialsText(string key, string region, string token, DateTimeOffset expires, DateTimeOffset now) => $"""
        ZhijiangLive first-run credentials, made {now:yyyy-MM-dd HH:mm} UTC because no Zhijiang:Auth credentials were configured.
        Keep this file private. The silo keeps only the key's hash and the signing key (in {AuthFileName} beside this file).

        Platform API key '{KeyName}', for Ingest and Roster (authorization: Bearer <key>):
        {key}

        Bureau token for region {region} and everything under it, for Query, Evaluation and the dashboard, valid until {expires:yyyy-MM-dd HH:mm} UTC:
        {token}

        More:  dotnet run --project silo/ZhijiangLive.Silo -- token create --region <id> [--days 30]
               dotnet run --project silo/ZhijiangLive.Silo -- key create [--name <name>]

        """;

    /// <summary>Written whole to a temporary file (owner read/write only) and moved into place.</summary>
    private static void WritePrivate(string path, string text)
    {
        var temporary = path + ".tmp";
        File.Delete(temporary); // a leftover would keep its own mode
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }
        File.Move(temporary, path, overwrite: true);
    }
}

/// <summary>What first-run did: the <c>auth.json</c> in use, and the credentials file when it was just written.</summary>
public sealed record FirstRunOutcome(string AuthPath, string? CredentialsPath);
