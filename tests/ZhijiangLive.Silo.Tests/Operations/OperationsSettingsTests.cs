using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ZhijiangLive.Silo.Operations;

namespace ZhijiangLive.Silo.Tests.Operations;

/// <summary>The operations settings reach the host: the shutdown bound and the store probe's timing.</summary>
public sealed class OperationsSettingsTests
{
    [Fact]
    public async Task Defaults_BoundTheStopAtThirtySeconds_AndPingEveryFive()
    {
        await using var silo = await RunningSilo.StartAsync();

        Assert.Equal(TimeSpan.FromSeconds(30), silo.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        var health = silo.Services.GetRequiredService<HealthOptions>();
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2)), (health.ProbeInterval, health.ProbeTimeout));
    }

    [Fact]
    public async Task CommandLine_SetsTheShutdownTimeout_AndTheProbe()
    {
        await using var silo = await RunningSilo.StartAsync(
            "--Zhijiang:ShutdownTimeout=00:00:07", "--Zhijiang:Health:ProbeInterval=00:00:03", "--Zhijiang:Health:ProbeTimeout=00:00:01");

        Assert.Equal(TimeSpan.FromSeconds(7), silo.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        var health = silo.Services.GetRequiredService<HealthOptions>();
        Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1)), (health.ProbeInterval, health.ProbeTimeout));
    }

    [Fact]
    public async Task ProbeInterval_OfZero_StopsTheStartWithAReason()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningSilo.StartAsync("--Zhijiang:Health:ProbeInterval=00:00:00"));
        Assert.Contains("ProbeInterval and ProbeTimeout must be longer than zero", error.Message);
    }
}
