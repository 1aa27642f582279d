using System.Text.Json;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Commands;

/// <summary>
/// <c>key create [--name n]</c>: a new platform key on the first line, then the configuration that makes
/// the silo accept it. Only the key's hash goes into configuration; the key itself is shown this once.
/// </summary>
public static class KeyCommand
{
    public const string Help = """
        Usage: dotnet run --project silo/ZhijiangLive.Silo -- key create [--name <name>] [settings]

        Prints a new platform API key (Ingest, Roster) on the first line, then the configuration entry that
        holds its SHA-256: add it to Zhijiang:Auth:ApiKeys (appsettings.json, the environment, the command line,
        or data/auth.json if the silo runs on its first-run credentials) and restart the silo. The key itself is
        stored nowhere: keep it now.
          --name <name>   what logs and rate limits call the key (default: platform-<n>)
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            output.WriteLine(Help);
            return 0;
        }
        if (args is not ["create", ..])
        {
            return Usage(error, args.Length == 0 ? "say what to do: key create" : $"unknown command 'key {args[0]}'");
        }
        string? name = null;
        var settings = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] != "--name")
            {
                settings.Add(args[i]);
                continue;
            }
            name = CommandConfiguration.ValueAfter(args, ref i, out var missing);
            if (name is null) return Usage(error, missing);
            if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return Usage(error, $"--name '{name}' must be 1 to 64 letters, digits, '-', '_' or '.'");
            }
        }
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

    private static int Usage(TextWriter error, string problem)
    {
        error.WriteLine($"key: {problem}\n\n{Help}");
        return 2;
    }
}
