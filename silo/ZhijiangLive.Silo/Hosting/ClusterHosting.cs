using ZhijiangLive.Grains;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Runtime;
using ZhijiangLive.Scoring.RulePacks;

namespace ZhijiangLive.Silo.Hosting;

/// <summary>Hosts one in-process cluster for the silo, configured from the <c>Zhijiang</c> section.</summary>
public static class ClusterHosting
{
    public const string Section = "Zhijiang";

    public static WebApplicationBuilder AddZhijiangCluster(this WebApplicationBuilder builder)
    {
        var options = ClusterOptionsFrom(builder.Configuration);
        var pack = RulePackFrom(builder.Configuration);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IGrainStorage, InMemoryGrainStorage>();
        builder.Services.AddSingleton(services => new ZhijiangCluster(
            pack, options, services.GetRequiredService<IGrainStorage>(), services.GetRequiredService<TimeProvider>()));
        return builder;
    }

    public static ClusterOptions ClusterOptionsFrom(IConfiguration configuration) =>
        configuration.GetSection(Section).GetSection("Cluster").Get<ClusterOptions>() ?? new ClusterOptions();

    /// <summary>The zjer-2018 pack with <c>Zhijiang:RulePackFile</c> laid over it, when one is named.</summary>
    public static RulePack RulePackFrom(IConfiguration configuration)
    {
        var rulePackFile = configuration.GetSection(Section)["RulePackFile"];
        return RulePackLoader.DefaultWith(string.IsNullOrEmpty(rulePackFile) ? null : File.ReadAllText(rulePackFile));
    }
}
