using Microsoft.Extensions.DependencyInjection;
using ZhijiangLive.Grains.Hosting;

namespace ZhijiangLive.Silo.Tests;

public sealed class SiloConfigurationTests
{
    [Fact]
    public async Task ClusterSettings_ComeFromTheCommandLine()
    {
        var port = LoopbackPort.Free();
        await using var silo = await RunningSilo.StartAsync(
            "--Zhijiang:Cluster:NotifyTop=3", "--Zhijiang:Cluster:ForwardInterval=00:00:00.050", $"--Zhijiang:Cluster:SiloPort={port}");

        var options = silo.Cluster.Services.Options;
        Assert.Equal((3, TimeSpan.FromMilliseconds(50)), (options.NotifyTop, options.ForwardInterval));
        // The Orleans silo co-hosted in the web host listens for other silos where it was told.
        var endpoint = silo.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Orleans.Configuration.EndpointOptions>>().Value;
        Assert.Equal(port, endpoint.SiloPort);
        using var probe = new System.Net.Sockets.TcpClient();
        await probe.ConnectAsync(System.Net.IPAddress.Loopback, port);
    }

    [Fact]
    public async Task ReportsWaitForTheirParent_100Ms_ByDefault()
    {
        // 100 ms kept the load tester's events/s of 200 ms and shortened the event → push p99 (README, "Cluster settings").
        await using var silo = await RunningSilo.StartAsync();

        Assert.Equal(TimeSpan.FromMilliseconds(100), silo.Cluster.Services.Options.ForwardInterval);
    }

    [Fact]
    public async Task StoreProvider_Unknown_StopsTheStartWithAReason()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningSilo.StartAsync("--Zhijiang:Store:Provider=oracle"));
        Assert.Contains("'oracle' is not one of sqlite, postgres, memory", error.Message);
    }

    [Fact]
    public async Task StoreProvider_PostgresWithoutConnectionString_StopsTheStartWithAReason()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningSilo.StartAsync("--Zhijiang:Store:Provider=postgres"));
        Assert.Contains("ConnectionString is empty", error.Message);
    }

    [Fact]
    public async Task RulePackFile_IsLaidOverTheDefaultPack()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, """{ "rules": { "teaching": { "dailyCap": 15 } } }""");
            await using var silo = await RunningSilo.StartAsync($"--Zhijiang:RulePackFile={file}");

            Assert.Equal(15, silo.Cluster.Services.Scorer.Pack.Rules.Teaching.DailyCap);
            Assert.Equal(5, silo.Cluster.Services.Scorer.Pack.Rules.Teaching.Points);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task CityQuotas_ComeFromConfiguration()
    {
        await using var silo = await RunningSilo.StartAsync(
            "--Zhijiang:Cluster:Quotas:330100:TeacherSpaces=5",
            "--Zhijiang:Cluster:Quotas:330100:DigitalSchools=3",
            "--Zhijiang:Cluster:Quotas:330100:ClubSpaces=2");

        Assert.Equal(new ZhijiangLive.Grains.CityQuota(5, 3, 2), silo.Cluster.Services.Options.Quotas["330100"]);
    }
}
