using System.Globalization;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Commands;

/// <summary><c>token create --region &lt;id&gt; [--days 30]</c>: a bureau token signed with the configured key, printed alone on its line.</summary>
public static class TokenCommand
{
    public const int MaxDays = 3650;

    public const string Help = """
        Usage: dotnet run --project silo/ZhijiangLive.Silo -- token create --region <id> [--days 30] [settings]

        Prints a bureau token: it reads the region and everything under it (Query, the JSON API, the dashboard)
        until it expires. It is signed with the first of Zhijiang:Auth:TokenSigningKeys, read as the silo reads
        its settings (appsettings.json, the environment, --Zhijiang:... on this command line, or data/auth.json
        from the silo's first run).
          --region <id>   the region (province, city or county id), e.g. 330106
          --days <n>      how long it is valid, 1 to 3650 days (30)
        """;

    /// <summary>0 with the token on <paramref name="output"/>; 2 for bad input, 1 when no signing key is configured.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            output.WriteLine(Help);
            return 0;
        }
        if (args is not ["create", ..])
        {
            return Usage(error, args.Length == 0 ? "say what to do: token create" : $"unknown command 'token {args[0]}'");
        }
        string? region = null;
        var days = 30;
        var settings = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--region":
                    region = CommandConfiguration.ValueAfter(args, ref i, out var missing);
                    if (region is null) return Usage(error, missing);
                    if (region.Length == 0 || region.Any(char.IsWhiteSpace)) return Usage(error, $"--region '{region}' is not a region id");
                    break;
                case "--days":
                    var text = CommandConfiguration.ValueAfter(args, ref i, out var none);
                    if (text is null) return Usage(error, none);
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > MaxDays)
                    {
                        return Usage(error, $"--days '{text}' is not a whole number of days from 1 to {MaxDays}");
                    }
                    break;
                default:
                    settings.Add(args[i]);
                    break;
            }
        }
        if (region is null)
        {
            return Usage(error, "--region is required");
        }
        var auth = CommandConfiguration.Read(settings).GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var tokens = new BureauTokens(auth.TokenSigningKeys);
        if (!tokens.CanIssue)
        {
            error.WriteLine("token: no signing key is configured: set Zhijiang:Auth:TokenSigningKeys, or start the silo once so that it makes data/auth.json");
            return 1;
        }
        var expires = TimeProvider.System.GetUtcNow().AddDays(days);
        output.WriteLine(tokens.Create(region, expires));
        error.WriteLine($"A bureau token for region {region} and everything under it, valid until {expires:yyyy-MM-dd HH:mm} UTC.");
        return 0;
    }

    private static int Usage(TextWriter error, string problem)
    {
        error.WriteLine($"token: {problem}\n\n{Help}");
        return 2;
    }
}
