using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Demo;

/// <summary>Turns <c>--demo</c> into its settings: simulated traffic, and the memory store so that no demo data lands in a real one.</summary>
public static class DemoHosting
{
    public const string Flag = "--demo";

    /// <summary>The arguments with <c>--demo</c> replaced by the settings it stands for.</summary>
    public static string[] Expand(string[] args) => args.Contains(Flag)
        ? ["--Zhijiang:Store:Provider=memory", .. args.Where(a => a != Flag), "--Zhijiang:Demo:Enabled=true"]
        : args;

    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Zhijiang:Demo").Get<DemoOptions>() ?? new DemoOptions();
        if (options.Enabled)
        {
            builder.Services.AddSingleton(options);
            builder.Services.AddHostedService<DemoTraffic>();
            UseSigningKey(builder);
            UsePlatformKey(builder);
            builder.Services.AddSingleton(new DemoConsole(Console.Out));
            builder.Services.AddHostedService<DemoWelcome>();
        }
        return builder;
    }

    /// <summary>
    /// The demo signs its printed token with the configured key, or else with one made for this run and held
    /// in memory only: its tokens die with the process.
    /// </summary>
    private static void UseSigningKey(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section).GetSection(nameof(AuthOptions.TokenSigningKeys));
        if (section.GetChildren().Any(key => !string.IsNullOrEmpty(key.Value)))
        {
            return;
        }
        var key = BureauTokens.NewSigningKey();
        section["0"] = key;
        builder.Services.AddSingleton(new BureauTokens([key]));
    }

    /// <summary>
    /// A platform key for this run, held in memory only and printed with the token, so that the demo can be
    /// published to and load-tested; none when keys are configured (their holders have them already).
    /// </summary>
    private static void UsePlatformKey(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section).GetSection(nameof(AuthOptions.ApiKeys));
        if (section.GetChildren().Any())
        {
            builder.Services.AddSingleton(new DemoKey(null));
            return;
        }
        var key = ApiKeyRing.NewKey();
        // Registered after the configured ring (none), so that it is the one resolved, as the token keys above.
        builder.Services.AddSingleton(new ApiKeyRing([new ApiKeyEntry { Name = DemoKey.Name, Sha256 = ApiKeyRing.Hash(key) }]));
        builder.Services.AddSingleton(new DemoKey(key));
    }
}
