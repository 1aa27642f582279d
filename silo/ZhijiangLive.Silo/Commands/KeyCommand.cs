using System.CommandLine;
using System.Text.Json;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Commands;

/// <summary>
/// <c>key create [--name n]</c>: a new platform key on the first line, then the configuration that makes
/// the silo accept it. Only the key's hash goes into configuration; the key itself is shown this once.
/// </summary>
public static class KeyCommand
{
    private const string Description = """
        Prints a new platform API key (Ingest, Roster) on the first line, then the configuration entry that
        holds its SHA-256: add it to Zhijiang:Auth:ApiKeys (appsettings.json, the environment, the command line,
        or data/auth.json if the silo runs on its first-run credentials) and restart the silo. The key itself is
        stored nowhere: keep it now.
        """;

    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "what logs and rate limits call the key (default: platform-<n>)", HelpName = "name" };
        name.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>() ?? "";
            if (value.Length is 0 or > 64 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                result.AddError($"--name '{value}' must be 1 to 64 letters, digits, '-', '_' or '.'");
            }
        });
        var create = new Command("create", Description) { name };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction(parsed => Run(parsed.GetValue(name), parsed.UnmatchedTokens, parsed.InvocationConfiguration.Output));
        return CommandGroup.Of("key", "platform API keys (key create --help)", create);
    }

    private static int Run(string? name, IEnumerable<string> settings, TextWriter output)
    {
        // The next free index, so that the printed settings add to the configured keys instead of replacing one.
        var index = CommandConfiguration.Read(settings).GetSection($"{AuthOptions.Section}:ApiKeys").GetChildren().Count();
        name ??= $"platform-{index + 1}";
        var key = ApiKeyRing.NewKey();
        var hash = ApiKeyRing.Hash(key);
        output.WriteLine(key);
        output.WriteLine();
        output.WriteLine($"Add to Zhijiang:Auth:ApiKeys (appsettings.json or data/auth.json):");
        output.WriteLine($"  {JsonSerializer.Serialize(new { Name = name, Sha256 = hash })}");
        output.WriteLine("or as settings:");
        output.WriteLine($"  --Zhijiang:Auth:ApiKeys:{index}:Name={name} --Zhijiang:Auth:ApiKeys:{index}:Sha256={hash}");
        output.WriteLine($"  Zhijiang__Auth__ApiKeys__{index}__Name={name} Zhijiang__Auth__ApiKeys__{index}__Sha256={hash}");
        return 0;
    }
}
