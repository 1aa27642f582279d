using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Schools;

namespace ZhijiangLive.Grains.Cluster;

public sealed partial class ZhijiangCluster
{
    /// <summary>
    /// Builds again what died with a silo, from this silo's directory and the teachers: every region and school
    /// takes its entry and registration (a live one changes nothing, as both are idempotent), then every teacher
    /// announces its standing, so a school or region that came back empty on another silo counts it again. The
    /// teachers that died come back from their stored state as they are called.
    /// </summary>
    public async Task ReestablishAsync()
    {
        await _rosterGate.WaitAsync().ConfigureAwait(false);
        try
        {
            foreach (var level in new[] { RegionLevel.Province, RegionLevel.City, RegionLevel.County })
            {
                await Waves.SendAsync(Roster.Regions.Where(r => r.Level == level).ToList(),
                    r => references.Region(r.Id).UpsertAsync(r)).ConfigureAwait(false);
            }
            await Waves.SendAsync(Roster.Schools.ToList(), s => references.School(s.Id).UpsertAsync(s)).ConfigureAwait(false);
        }
        finally
        {
            _rosterGate.Release();
        }
        // A state restored here at start-up may be older than the row its grain wrote on the silo that died.
        Services.RestoredTeachers.Clear();
        await AnnounceAllTeachersAsync().ConfigureAwait(false);
        await FlushAsync().ConfigureAwait(false);
    }
}
