namespace ZhijiangLive.Silo.Tests.Durability;

/// <summary>The silo's command-line settings that choose its durable store.</summary>
internal static class StoreSettings
{
    /// <summary>The embedded SQLite store in the file at <paramref name="path"/>.</summary>
    public static string[] Sqlite(string path) => ["--Zhijiang:Store:Provider=sqlite", $"--Zhijiang:Store:SqlitePath={path}"];

    /// <summary>The PostgreSQL store in the database <paramref name="connectionString"/> names.</summary>
    public static string[] Postgres(string connectionString) =>
        ["--Zhijiang:Store:Provider=postgres", $"--Zhijiang:Store:ConnectionString={connectionString}"];
}
