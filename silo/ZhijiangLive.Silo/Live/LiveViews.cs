using ZhijiangLive.Grains;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Live;

/// <summary>Turns a region's update into what a dashboard shows: names from the roster, targets, child regions' figures.</summary>
public sealed class LiveViews(ZhijiangCluster cluster, EventRate rate)
{
    public async Task<LiveMessage> BuildAsync(RegionUpdate update)
    {
        var roster = cluster.Roster;
        var view = update.Figures;
        var period = update.Period;
        var figures = FiguresOf(view, period);
        var rules = cluster.Services.Figures;
        var kpi = new LiveKpi(
            view.Teachers, figures.Active, figures.ActiveRatio, rules.SchoolActiveRatioTarget,
            figures.Mean, rules.ThresholdOf(period), figures.Total, view.Schools, view.SchoolsMeetingTargets);
        var teachers = update.TopTeachers.Select((e, i) =>
        {
            // Names only of the subscribed region's own teachers: one moved away since it was ranked goes nameless.
            var school = roster.Teacher(e.Id) is { } t ? roster.School(t.SchoolId) : null;
            var ours = roster.ContainsTeacher(view.Id, e.Id);
            var tie = update.TeacherTies[i];
            return new LiveTeacherRow(e.Rank, e.Id, ours ? roster.NameOf(e.Id) : "", ours ? school?.Name ?? "" : "", ours ? NameOf(school?.CountyId) : "",
                e.Score, tie.Tied, tie.TieBreak);
        }).ToList();
        var schools = update.TopSchools
            .Select((e, i) => new LiveSchoolRow(e.Rank, e.Id, roster.NameOf(e.Id), NameOf(roster.School(e.Id)?.CountyId), e.Score,
                update.SchoolTies[i].Tied, update.SchoolTies[i].TieBreak))
            .ToList();
        var thresholds = new LiveThresholds(rules.ThresholdOf(Period.Day), rules.ThresholdOf(Period.Month), rules.ThresholdOf(Period.Year));
        var region = roster.Region(view.Id);
        return new LiveMessage(
            view.Id, view.Name, LevelName(region?.Level), PeriodName(period), view.Date.ToString("yyyy-MM-dd"), rate.PerSecond(),
            kpi, teachers, schools, await ChildrenAsync(view.Id, period, view.Date), thresholds, PeriodName(TopRowTie.TieBreakPeriodOf(period)));
    }

    /// <summary>Every child region (a province's cities, a city's counties) with its ratio, for the chart.</summary>
    private async Task<List<LiveChildRegion>> ChildrenAsync(string regionId, Period period, DateOnly date)
    {
        var children = new List<LiveChildRegion>();
        foreach (var child in cluster.Roster.Regions.Where(r => r.ParentId == regionId).OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            if (await cluster.GetRegionAsync(child.Id, date) is { } view)
            {
                var f = FiguresOf(view, period);
                children.Add(new LiveChildRegion(child.Id, child.Name, view.Teachers, f.ActiveRatio, f.Mean));
            }
        }
        return children;
    }

    private string NameOf(string? regionId) => regionId is null ? "" : cluster.Roster.NameOf(regionId);

    private static Grains.Aggregation.PeriodFigures FiguresOf(GroupView view, Period period) => period switch
    {
        Period.Day => view.Day,
        Period.Month => view.Month,
        _ => view.Year,
    };

    public static string PeriodName(Period period) => period.ToString().ToLowerInvariant();

    public static string LevelName(RegionLevel? level) => level?.ToString().ToLowerInvariant() ?? "";
}
