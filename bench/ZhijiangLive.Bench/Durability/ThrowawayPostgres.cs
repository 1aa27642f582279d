using System.Diagnostics;
using Npgsql;
using ZhijiangLive.Grains.Hosting;

namespace ZhijiangLive.Bench.Durability;

/// <summary>
/// The PostgreSQL server of the durability benchmark: the one <c>--connection</c> names, or a private
/// cluster made for the run (initdb into a temp dir, a free loopback port, fsync and synchronous_commit
/// on), as the storage tests' fixture does. Each phase gets a database of its own; disposing drops them,
/// or stops the private cluster and deletes its directory.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly List<string> _databases = [];
    private readonly string _admin;
    private readonly string? _root;
    private readonly string? _bin;
    private readonly string? _runAs;

    private ThrowawayPostgres(string admin, string? root = null, string? bin = null, string? runAs = null) =>
        (_admin, _root, _bin, _runAs) = (admin, root, bin, runAs);

    public bool IsPrivate => _root is not null;

    /// <summary>The postmaster's process id when the cluster is ours, so that its CPU time can be read.</summary>
    public int? ServerProcessId => _root is null ? null : int.Parse(File.ReadLines(Path.Combine(_root, "data", "postmaster.pid")).First());

    public static async Task<ThrowawayPostgres> StartAsync(string? connection)
    {
        if (connection is not null)
        {
            return new ThrowawayPostgres(connection);
        }
        var bin = FindBinaries();
        // initdb and postgres refuse to run as root; Debian's package makes the postgres user to run them as.
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        var root = Directory.CreateTempSubdirectory("zhijiang-bench-pg-").FullName;
        var port = LoopbackPort.Free();
        var server = new ThrowawayPostgres(
            new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = false }.ConnectionString,
            root, bin, runAs);
        try
        {
            if (runAs is not null) await ExecuteProgramAsync("chown", [runAs, root]);
            await server.RunAsync(Path.Combine(bin, "initdb"), "-D", $"{root}/data", "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync");
            // Durability as in production (fsync, synchronous_commit); memory and WAL room as a dedicated server would have.
            await File.AppendAllTextAsync($"{root}/data/postgresql.conf", $"""

                port = {port}
                listen_addresses = '127.0.0.1'
                unix_socket_directories = '{root}'
                fsync = on
                synchronous_commit = on
                shared_buffers = 1GB
                max_wal_size = 8GB

                """);
            await server.RunAsync(Path.Combine(bin, "pg_ctl"), "start", "-w", "-t", "60", "-D", $"{root}/data", "-l", $"{root}/postgres.log");
            // Ctrl+C ends the process without unwinding; the cluster must not outlive it.
            AppDomain.CurrentDomain.ProcessExit += server.OnProcessExit;
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new, empty database; its pooled connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"zhijiang_bench_{purpose}_{Guid.NewGuid():N}"[..40];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(_admin) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>The settings that decide what a commit costs, as the server reports them.</summary>
    public async Task<string> SettingsAsync()
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings
             WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'shared_buffers', 'max_wal_size', 'server_version')
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        NpgsqlConnection.ClearAllPools();
        if (_root is null)
        {
            foreach (var name in _databases)
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
            return;
        }
        try
        {
            if (File.Exists($"{_root}/data/postmaster.pid"))
            {
                await RunAsync(Path.Combine(_bin!, "pg_ctl"), "stop", "-w", "-t", "60", "-m", "immediate", "-D", $"{_root}/data");
            }
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private Task RunAsync(string file, params string[] arguments) =>
        _runAs is null ? ExecuteProgramAsync(file, arguments) : ExecuteProgramAsync("runuser", ["-u", _runAs, "--", file, .. arguments]);

    private static async Task ExecuteProgramAsync(string file, IReadOnlyList<string> arguments)
    {
        // The postgres user may not be allowed into the caller's directory.
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}{await errors}");
        }
    }

    private static string FindBinaries()
    {
        const string debian = "/usr/lib/postgresql";
        var versions = Directory.Exists(debian)
            ? Directory.GetDirectories(debian).OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).Select(d => Path.Combine(d, "bin"))
            : [];
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        return versions.Concat(onPath).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                $"no PostgreSQL server binaries under {debian}/*/bin or on PATH (Debian package postgresql); install them or give --connection");
    }
}
