using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace ZhijiangLive.Silo.Tests.Clustering;

/// <summary>
/// The silo's grain directory: Orleans' strongly consistent one, whose hold on a crashed silo's grains is short
/// enough that the journal grain answers on the survivor soon after the crash is voted (30 s by Orleans' default).
/// </summary>
public sealed class GrainDirectorySettingsTests
{
    [Fact]
    public async Task TheSilo_HoldsACrashedSilosGrainsForFiveSeconds_InTheStronglyConsistentDirectory()
    {
        await using var silo = await RunningSilo.StartAsync();

        Assert.Equal(TimeSpan.FromSeconds(5), silo.Services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value.RangeLeaseDuration);
        // Internal to Orleans: registered only when the silo asks for the strongly consistent directory.
        var directory = typeof(GrainDirectoryOptions).Assembly.GetType("Orleans.Runtime.GrainDirectory.DistributedGrainDirectory", throwOnError: true)!;
        Assert.NotNull(silo.Services.GetService(directory));
    }
}
