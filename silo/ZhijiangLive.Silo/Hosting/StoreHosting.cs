using ZhijiangLive.Grains.Journal;
using ZhijiangLive.Silo.Cluster;
using ZhijiangLive.Silo.Durability;
using ZhijiangLive.Silo.Metrics;
using ZhijiangLive.Storage;
using ZhijiangLive.Storage.Postgres;
using ZhijiangLive.Storage.Sqlite;

namespace ZhijiangLive.Silo.Hosting;

/// <summary>The durable store chosen by <c>Zhijiang:Store</c>, the journal writer on it, and recovery at start-up.</summary>
public static class StoreHosting
{
    public static WebApplicationBuilder AddZhijiangStore(this WebApplicationBuilder builder)
    {
        var options = StoreOptionsFrom(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => Create(options));
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddSingleton<JournalWriter>();
        builder.Services.AddSingleton<JournalRecovery>();
        builder.Services.AddSingleton<JournalOwnership>();
        builder.Services.AddSingleton<IJournalOwner>(services => services.GetRequiredService<JournalOwnership>());
        builder.Services.AddSingleton<IngestRouter>();
        builder.Services.AddHostedService<ClusterStartup>();
        builder.Services.AddHostedService<SiloDeathWatch>();
        if (options.SnapshotInterval > TimeSpan.Zero && options.EffectiveProvider != "memory")
        {
            builder.Services.AddSingleton<SnapshotWriter>();
            builder.Services.AddHostedService(services => services.GetRequiredService<SnapshotWriter>());
        }
        return builder;
    }

    public const string SqliteFileName = "zhijiang-live.db";

    public static StoreOptions StoreOptionsFrom(IConfiguration configuration)
    {
        var options = configuration.GetSection($"{ClusterHosting.Section}:Store").Get<StoreOptions>() ?? new StoreOptions();
        return string.IsNullOrWhiteSpace(options.SqlitePath)
            ? options with { SqlitePath = Path.Combine(DataDirectory.Of(configuration), SqliteFileName) }
            : options;
    }

    public static IDurableStore Create(StoreOptions options) => options.EffectiveProvider switch
    {
        "sqlite" => new SqliteStore(options.SqlitePath ?? SqliteFileName),
        "postgres" when !string.IsNullOrWhiteSpace(options.ConnectionString) => new PostgresStore(options.ConnectionString),
        "postgres" => throw new InvalidOperationException("Zhijiang:Store:Provider is postgres but Zhijiang:Store:ConnectionString is empty"),
        "memory" => new VolatileStore(),
        var other => throw new InvalidOperationException($"Zhijiang:Store:Provider '{other}' is not one of sqlite, postgres, memory"),
    };
}
