using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Roster;

namespace ZhijiangLive.Grains.Regions;

public sealed class RegionGrainState
{
    public RegionGrainState(FigureRules rules, PeriodKeys current)
    {
        Figures = new RegionFigures(rules, current, ChildOf);
    }

    public RegionEntry? Entry { get; set; }
    public RegionFigures Figures { get; }

    /// <summary>The history's count of closings when it was last snapshotted.</summary>
    public long HistoryWritten { get; set; }

    public string? ChildOf(TeacherChange report) => ChildOf(report.CountyId, report.CityId);

    /// <summary>The child region something under this region belongs to: a city's county, the province's city; a county has none.</summary>
    public string? ChildOf(string? countyId, string? cityId) => Entry?.Level switch
    {
        RegionLevel.City => countyId,
        RegionLevel.Province => cityId,
        _ => null,
    };
}
