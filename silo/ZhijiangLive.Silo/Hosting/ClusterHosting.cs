using ZhijiangLive.Grains;
using ZhijiangLive.Grains.Hosting;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.Rubrics;

namespace ZhijiangLive.Silo.Hosting;

/// <summary>
/// The Orleans silo co-hosted in this web host, with the grains configured from the <c>Zhijiang</c> section.
/// Registered before the store, so that recovery and the snapshot rounds run while the silo is up.
/// </summary>
public static class ClusterHosting
{
    public const string Section = "Zhijiang";

    public static WebApplicationBuilder AddZhijiangCluster(this WebApplicationBuilder builder)
    {
        var options = ClusterOptionsFrom(builder.Configuration);
        var pack = RulePackFrom(builder.Configuration);

        builder.Services.AddSingleton(TimeProvider.System);
        if (options.JoinsCluster && StoreHosting.StoreOptionsFrom(builder.Configuration).EffectiveProvider != "postgres")
        {
            throw new InvalidOperationException(
                "Zhijiang:Cluster:ConnectionString makes this silo one of a cluster, whose silos share one journal: " +
                "the store must be PostgreSQL as well (set Zhijiang:Store:ConnectionString, usually to the same database)");
        }
        if (options.JoinsCluster)
        {
            builder.Services.AddHostedService(_ => new Cluster.MembershipSchema(options.ConnectionString!));
        }
        var rubrics = RubricsFrom(builder.Configuration);
        builder.UseOrleans(silo => Membership(silo, options).AddZhijiangGrains(pack, options, rubrics: rubrics)
            .AddOrleansDashboardIfEnabled(builder.Configuration));
        // Orleans tells its own start-up and membership news at Information; the silo's log keeps to its own.
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        return builder;
    }

    private static ISiloBuilder Membership(ISiloBuilder silo, ClusterOptions options) => options.JoinsCluster
        ? silo.UsePostgresClustering(options.ConnectionString!, options.SiloPort, options.GatewayPort,
            string.IsNullOrWhiteSpace(options.AdvertisedAddress) ? null : System.Net.IPAddress.Parse(options.AdvertisedAddress))
        : silo.UseSingleSilo(options.SiloPort, options.GatewayPort);

    public static ClusterOptions ClusterOptionsFrom(IConfiguration configuration) =>
        configuration.GetSection(Section).GetSection("Cluster").Get<ClusterOptions>() ?? new ClusterOptions();

    /// <summary>The zjer-2018 pack with <c>Zhijiang:RulePackFile</c> laid over it, when one is named.</summary>
    /// <summary>The shipped rubrics and those in <c>Zhijiang:RubricDirectory</c> (every <c>*.json</c>; an invalid one stops the silo with its reasons).</summary>
    public static IReadOnlyDictionary<string, Rubric> RubricsFrom(IConfiguration configuration) =>
        RubricLoader.LoadWith(configuration.GetSection(Section)["RubricDirectory"]);

    public static RulePack RulePackFrom(IConfiguration configuration)
    {
        var rulePackFile = configuration.GetSection(Section)["RulePackFile"];
        return RulePackLoader.DefaultWith(string.IsNullOrEmpty(rulePackFile) ? null : File.ReadAllText(rulePackFile));
    }
}
