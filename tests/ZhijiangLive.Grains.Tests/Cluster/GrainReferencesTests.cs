using Microsoft.Extensions.DependencyInjection;
using Orleans;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Teachers;

namespace ZhijiangLive.Grains.Tests.Cluster;

public sealed class GrainReferencesTests
{
    [Fact]
    public async Task AReference_IsMadeOnce_AndReachesTheSameGrainAsOrleansOwn()
    {
        await using var harness = new ClusterHarness();
        await harness.BuildTreeAsync();
        await harness.AddTeachersAsync(ClusterHarness.Teacher("T1", "S1"));
        var references = harness.Silo.Services.GetRequiredService<GrainReferences>();
        var grains = harness.Silo.Services.GetRequiredService<IGrainFactory>();

        var first = references.Teacher("T1");

        Assert.Same(first, references.Teacher("T1"));
        Assert.Same(references.School("S1"), references.School("S1"));
        Assert.Same(references.Region("K1"), references.Region("K1"));
        Assert.Equal(grains.GetGrain<ITeacherGrain>("T1"), first);
        Assert.Equal("S1", (await first.GetAsync(DateOnly.FromDateTime(ClusterHarness.Start.UtcDateTime)))?.Entry.SchoolId);
    }
}
