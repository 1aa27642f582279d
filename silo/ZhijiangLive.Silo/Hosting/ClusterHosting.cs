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
        var section = builder.Configuration.GetSection(Section);
        var options = section.GetSection("Cluster").Get<ClusterOptions>() ?? new ClusterOptions();
        var rulePackFile = section["RulePackFile"];
        var pack = RulePackLoader.DefaultWith(string.IsNullOrEmpty(rulePackFile) ? null : File.ReadAllText(rulePackFile));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IGrainStorage, InMemoryGrainStorage>();
        builder.Services.AddSingleton(services => new ZhijiangCluster(
            pack, options, services.GetRequiredService<IGrainStorage>(), services.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
