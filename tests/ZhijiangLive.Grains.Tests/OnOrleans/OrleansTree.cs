using Orleans;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Schools;
using ZhijiangLive.Grains.Teachers;
using ZhijiangLive.Grains.Tests.Cluster;

namespace ZhijiangLive.Grains.Tests.OnOrleans;

/// <summary>The <see cref="ClusterHarness"/> tree on Orleans grains: its roster, and settling it level by level.</summary>
internal static class OrleansTree
{
    public static readonly string[] Counties = ["K1", "K2", "K3"];
    public static readonly string[] Cities = ["C1", "C2"];
    public static readonly string[] Regions = ["P", .. Cities, .. Counties];

    /// <summary>Every region and school of the harness's roster, parents first, as the facade will upsert them.</summary>
    public static async Task BuildAsync(IGrainFactory grains, RosterDirectory roster)
    {
        foreach (var region in roster.Regions.OrderBy(r => r.Level))
        {
            await grains.GetGrain<IRegionGrain>(region.Id).UpsertAsync(region);
        }
        foreach (var school in roster.Schools)
        {
            await grains.GetGrain<ISchoolGrain>(school.Id).UpsertAsync(school);
        }
    }

    public static async Task UpsertTeachersAsync(IGrainFactory grains, IEnumerable<TeacherEntry> teachers)
    {
        foreach (var teacher in teachers)
        {
            await grains.GetGrain<ITeacherGrain>(teacher.Id).UpsertAsync(teacher);
        }
    }

    /// <summary>Flushes schools, then counties, then cities: afterwards every report has reached the province.</summary>
    public static async Task SettleAsync(IGrainFactory grains)
    {
        await Task.WhenAll(ClusterHarness.Schools.Select(s => grains.GetGrain<ISchoolGrain>(s).FlushAsync()));
        await Task.WhenAll(Counties.Select(k => grains.GetGrain<IRegionGrain>(k).FlushAsync()));
        await Task.WhenAll(Cities.Select(c => grains.GetGrain<IRegionGrain>(c).FlushAsync()));
    }
}
