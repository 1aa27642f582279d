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
        }
        return builder;
    }
}
