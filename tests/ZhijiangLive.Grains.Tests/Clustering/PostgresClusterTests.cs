using System.Diagnostics;
using Npgsql;
using Xunit.Abstractions;
using ZhijiangLive.Grains.Hosting;
using ZhijiangLive.Storage.Postgres;
using ZhijiangLive.Storage.Tests.Postgres;

namespace ZhijiangLive.Grains.Tests.Clustering;

/// <summary>
/// Two silos in this process that know of each other only through our membership schema on PostgreSQL
/// (no test membership, no static list), with grain storage in the same database; a fresh database per test.
/// </summary>
[Collection("postgres")]
public sealed class PostgresClusterTests(PostgresServer server, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Active = 3, Dead = 6;
    // UsePostgresClustering promises a takeover well inside this.
    private static readonly TimeSpan s_failoverLimit = TimeSpan.FromSeconds(10);

    private readonly List<PostgresClusterSilo> _silos = [];
    private string _connectionString = "";

    private PostgresClusterSilo First => _silos[0];
    private PostgresClusterSilo Second => _silos[1];

    public async Task InitializeAsync()
    {
        _connectionString = await server.CreateDatabaseAsync();
        await using (var store = new PostgresStore(_connectionString))
        {
            await store.InitializeAsync();
        }
        // One after the other, as a deployment would; each start returns once the silo is Active.
        _silos.Add(await PostgresClusterSilo.StartAsync(_connectionString));
        _silos.Add(await PostgresClusterSilo.StartAsync(_connectionString));
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in Enumerable.Reverse(_silos))
        {
            await silo.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoSilos_JoinThroughTheMembershipTable_AndBothAreActive()
    {
        var expected = _silos.Select(silo => silo.Address).Order().ToList();

        var rows = await MembershipAsync();
        var hosts = await First.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        Assert.Equal(expected.Select(a => (a.Endpoint.Port, a.Generation, Active)).Order(), rows.Order());
        Assert.Equal(expected, hosts.Keys.Order());
    }

    [Fact]
    public async Task RandomlyPlacedGrains_ActivateOnBothSilos()
    {
        var grains = First.Grains;
        await First.SeesAsync(2);

        var hosts = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => grains.GetGrain<ISiloProbeGrain>(i).Host()));

        // 64 fair coin flips all landing on one silo would happen once in 2^63 runs.
        Assert.Equal(_silos.Select(silo => silo.Address).Order(), hosts.Distinct().Order());
    }

    [Fact]
    public async Task KilledSilo_ItsStoredGrainAnswersOnTheSurvivor_WithItsState_WithinTenSeconds()
    {
        var survivor = First;
        var victim = Second;
        var onVictim = victim.Grains.GetGrain<ICounterGrain>("takeover");
        await onVictim.Increment();
        await onVictim.Increment();
        Assert.Equal(new CounterReading(3, victim.Address), await onVictim.Increment());

        // An in-process kill (Orleans' own KillSiloAsync does the same) still marks the silo Dead in the table on
        // its way out, so this measures the takeover, not probe-based detection of a process that vanished.
        var clock = Stopwatch.StartNew();
        await victim.KillAsync();
        var reading = await FirstAnswerAsync(() => survivor.Grains.GetGrain<ICounterGrain>("takeover").Increment(), clock);
        var answeredAfter = clock.Elapsed;
        output.WriteLine($"A killed silo's grain answered again on the survivor {answeredAfter.TotalSeconds:F2} s after the kill.");

        Assert.Equal(new CounterReading(4, survivor.Address), reading);
        Assert.True(answeredAfter < s_failoverLimit, $"took {answeredAfter}");
        var victimRow = Assert.Single(await MembershipAsync(), r => r.Port == victim.Address.Endpoint.Port);
        Assert.Equal(Dead, victimRow.Status);
    }

    // Polling is the measurement here: the question is how soon the cluster answers, not whether.
    private async Task<T> FirstAnswerAsync<T>(Func<Task<T>> call, Stopwatch clock)
    {
        var attempt = TimeSpan.FromSeconds(2);
        while (true)
        {
            try
            {
                return await call().WaitAsync(attempt);
            }
            catch (Exception error) when (clock.Elapsed < s_failoverLimit && error is not Xunit.Sdk.XunitException)
            {
                output.WriteLine($"{clock.Elapsed.TotalSeconds:F2} s: {error.GetType().Name}: {error.Message.Split('\n')[0]}");
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    private async Task<List<(int Port, int Generation, int Status)>> MembershipAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT port, generation, status FROM orleans_membership WHERE deployment_id = 'zhijiang-live' ORDER BY address, port, generation",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, int, int)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
        }
        return rows;
    }
}
