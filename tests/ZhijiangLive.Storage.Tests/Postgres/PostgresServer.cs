using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace ZhijiangLive.Storage.Tests.Postgres;

/// <summary>Every test class in this collection shares one <see cref="PostgresServer"/> for the whole run.</summary>
[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>;

/// <summary>
/// A private, throwaway PostgreSQL cluster for one test run: initdb into a temp dir, a free loopback port,
/// trust authentication, fsync on. Self-contained (System, Npgsql, xunit) so other test projects can link it.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string SystemUser = "postgres";
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromMinutes(2);

    private string _binDirectory = "";
    private string _rootDirectory = "";
    private string? _runAs;

    /// <summary>The loopback TCP port; it stays the same across <see cref="StopAsync"/> and <see cref="StartAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary>
    /// The maintenance database <c>postgres</c>, as superuser <c>postgres</c>, unpooled: a pooled connection
    /// would outlive <see cref="StopAsync"/> and fail whoever took it from the pool next.
    /// </summary>
    public string ConnectionString => Connect("postgres", pooling: false);

    private string DataDirectory => Path.Combine(_rootDirectory, "data");
    private string SocketDirectory => Path.Combine(_rootDirectory, "socket");
    private string LogFile => Path.Combine(_rootDirectory, "postgres.log");

    public async Task InitializeAsync()
    {
        _binDirectory = FindBinaries();
        _runAs = Environment.UserName == "root" ? await RequireSystemUserAsync() : null;
        _rootDirectory = Directory.CreateTempSubdirectory("zhijiang-pg-").FullName;
        try
        {
            await CreateClusterAsync();
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the stopped server on the same port with the same data; returns once it accepts connections.</summary>
    public Task StartAsync() =>
        PgCtlAsync("start", "-w", "-t", "60", "-D", DataDirectory, "-l", LogFile);

    /// <summary>Stops the server as an operator would (fast: roll back open transactions, checkpoint, exit).</summary>
    public Task StopAsync() =>
        PgCtlAsync("stop", "-w", "-t", "60", "-m", "fast", "-D", DataDirectory);

    /// <summary>Creates a new, uniquely named database and returns its (pooled) connection string, so a test sees only its own data.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        string name = $"test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return Connect(name, pooling: true);
    }

    public async Task DisposeAsync()
    {
        if (_rootDirectory.Length == 0 || !Directory.Exists(_rootDirectory))
        {
            return;
        }
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                await PgCtlAsync("stop", "-w", "-t", "60", "-m", "immediate", "-D", DataDirectory);
            }
        }
        finally
        {
            Directory.Delete(_rootDirectory, recursive: true);
        }
    }

    private async Task CreateClusterAsync()
    {
        Directory.CreateDirectory(SocketDirectory);
        if (_runAs is not null)
        {
            await RunAsync("chown", ["-R", $"{_runAs}:", _rootDirectory]);
        }

        // The cluster is thrown away after the run, so initdb's final flush is wasted time; the server
        // itself runs with fsync on, because the stores' durability is what the tests are about.
        await RunAsync(Path.Combine(_binDirectory, "initdb"),
            ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], _runAs);

        Port = RestartablePort.Reserve();
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), $"""

            port = {Port}
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{SocketDirectory}'
            fsync = on
            max_connections = 300

            """);
    }

    private string Connect(string database, bool pooling) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Pooling = pooling,
    }.ConnectionString;

    private Task PgCtlAsync(params string[] arguments) =>
        RunAsync(Path.Combine(_binDirectory, "pg_ctl"), arguments, _runAs);

    private static string FindBinaries()
    {
        static bool HasBinaries(string directory) =>
            File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

        const string debianRoot = "/usr/lib/postgresql";
        var versioned = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(d => (Version: decimal.TryParse(Path.GetFileName(d), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v) ? v : -1m, Bin: Path.Combine(d, "bin")))
                .Where(c => HasBinaries(c.Bin))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Bin)
            : [];
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(HasBinaries);
        return versioned.Concat(onPath).FirstOrDefault() ?? throw new InvalidOperationException(
            $"PostgreSQL server binaries (initdb, pg_ctl) were found neither under {debianRoot}/*/bin nor on PATH. " +
            "Install the Debian package postgresql (apt-get install postgresql).");
    }

    // initdb and postgres refuse to run as root (a compromised server must not own the machine), and CI runs
    // the tests as root; so then the cluster belongs to the postgres system user that Debian's package creates.
    private async Task<string> RequireSystemUserAsync()
    {
        try
        {
            await RunAsync("id", ["-u", SystemUser]);
            return SystemUser;
        }
        catch (InvalidOperationException error)
        {
            throw new InvalidOperationException(
                $"The tests run as root, which PostgreSQL refuses, and there is no '{SystemUser}' system user to run it as. " +
                "Install the Debian package postgresql (it creates that user) or run the tests as an ordinary user.", error);
        }
    }

    private async Task RunAsync(string file, IReadOnlyList<string> arguments, string? runAs = null)
    {
        var start = new ProcessStartInfo(runAs is null ? file : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The caller's directory may be closed to the postgres user, and postgres wants to stand somewhere it can read.
            WorkingDirectory = Directory.Exists(_rootDirectory) ? _rootDirectory : "/",
        };
        foreach (string argument in runAs is null ? arguments : ["-u", runAs, "--", file, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        string commandLine = $"{start.FileName} {string.Join(' ', start.ArgumentList)}";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {commandLine}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_commandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{commandLine} did not finish within {s_commandTimeout}.{LogTail()}");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{commandLine} exited with {process.ExitCode}:\n{await output}{await errors}{LogTail()}");
        }
    }

    private string LogTail()
    {
        if (_rootDirectory.Length == 0 || !File.Exists(LogFile))
        {
            return "";
        }
        var lines = File.ReadAllLines(LogFile);
        return $"\nLast lines of {LogFile}:\n{string.Join('\n', lines.TakeLast(20))}";
    }
}
