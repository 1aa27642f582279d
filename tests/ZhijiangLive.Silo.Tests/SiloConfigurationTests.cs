namespace ZhijiangLive.Silo.Tests;

public sealed class SiloConfigurationTests
{
    [Fact]
    public async Task ClusterSettings_ComeFromTheCommandLine()
    {
        await using var silo = await RunningSilo.StartAsync(
            "--Zhijiang:Cluster:NotifyTop=3", "--Zhijiang:Cluster:Partitions=3", "--Zhijiang:Cluster:IdleDeactivationAfter=00:02:00");

        var options = silo.Cluster.Services.Options;
        Assert.Equal((3, 3, TimeSpan.FromMinutes(2)), (options.NotifyTop, options.Partitions, options.IdleDeactivationAfter));
        Assert.Equal(3, silo.Cluster.Runtime.Options.Partitions);
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
