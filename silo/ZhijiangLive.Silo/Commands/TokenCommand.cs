using System.CommandLine;
using System.Globalization;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Commands;

/// <summary><c>token create --region &lt;id&gt; [--days 30]</c>: a bureau token signed with the configured key, printed alone on its line.</summary>
public static class TokenCommand
{
    public const int MaxDays = 3650;

    private const string Description = """
        Prints a bureau token: it reads the region and everything under it (Query, the JSON API, the dashboard)
        until it expires. It is signed with the first of Zhijiang:Auth:TokenSigningKeys, read as the silo reads
        its settings (appsettings.json, the environment, --Zhijiang:... on this command line, or data/auth.json
        from the silo's first run).
        """;

    public static Command Create()
    {
        var region = new Option<string>("--region")
        {
            Description = "the region (province, city or county id), e.g. 330106",
            HelpName = "id",
            Required = true,
        };
        region.Validators.Add(result =>
        {
            // A value that looks like an option is one given without its value: "--region --days 2".
            if (result.GetValueOrDefault<string>() is not { Length: > 0 } id || id.Any(char.IsWhiteSpace) || id.StartsWith('-'))
            {
                result.AddError($"--region '{result.GetValueOrDefault<string>()}' is not a region id");
            }
        });
        var days = new Option<int>("--days")
        {
            Description = $"how long it is valid, 1 to {MaxDays} days",
            HelpName = "n",
            DefaultValueFactory = _ => 30,
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxDays)
                {
                    return value;
                }
                result.AddError($"--days '{text}' is not a whole number of days from 1 to {MaxDays}");
                return 0;
            },
        };
        var create = new Command("create", Description) { region, days };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction(parsed => Run(parsed.GetRequiredValue(region), parsed.GetValue(days), parsed.UnmatchedTokens,
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return CommandGroup.Of("token", "bureau tokens (token create --help)", create);
    }

    /// <summary>0 with the token on <paramref name="output"/>; 1 when no signing key is configured.</summary>
    private static int Run(string region, int days, IEnumerable<string> settings, TextWriter output, TextWriter error)
    {
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
}
