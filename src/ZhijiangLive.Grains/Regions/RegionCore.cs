using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Leaderboards;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Snapshots;

namespace ZhijiangLive.Grains.Regions;

/// <summary>
/// What a county, city or province grain decides, whichever runtime hosts it: the figures of every teacher
/// under it by school and by child region, its rankings and shortlists, its published monthly school
/// rankings, and what its parent must hear. What goes to the parent is appended to the caller's list or
/// answered, never sent, so each host delivers it its own way.
/// </summary>
public sealed class RegionCore(string regionId, RegionGrainState state, GrainServices services)
{
    /// <summary>The kind a region's history snapshots are filed under.</summary>
    public const string Kind = "region";

    private bool _changed;

    public RegionGrainState State => state;

    /// <summary>The region its reports and registrations go on to; null for the province (or before its entry).</summary>
    public string? ParentId => state.Entry?.ParentId;

    /// <summary>Takes teacher reports; the new ones go to <paramref name="forwards"/> when there is a parent.</summary>
    public void Receive(IReadOnlyList<TeacherChange> reports, List<TeacherChange> forwards)
    {
        var figures = state.Figures;
        // A move after a month's grace window must not reach its published ranking.
        Publish();
        var parentId = ParentId;
        foreach (var report in reports)
        {
            if (!figures.Apply(report))
            {
                continue;
            }
            _changed = true;
            if (parentId is not null)
            {
                forwards.Add(state.Entry!.Level == RegionLevel.County ? report with { CityId = parentId } : report);
            }
        }
    }

    /// <summary>Counts a school from the start; answers what the parent must hear, if there is one.</summary>
    public SchoolRegistration? RegisterSchool(SchoolRegistration school)
    {
        state.Figures.AddSchool(school.SchoolId, state.ChildOf(school.CountyId, school.CityId));
        _changed = true;
        if (ParentId is not { } parentId)
        {
            return null;
        }
        return state.Entry!.Level == RegionLevel.County ? school with { CityId = parentId } : school;
    }

    public void RegisterChild(string childId)
    {
        state.Figures.AddChild(childId);
        _changed = true;
    }

    /// <summary>A new region or a rename; answers the parent to register with when the region is new.</summary>
    public string? Upsert(RegionEntry entry)
    {
        var isNew = state.Entry is null;
        state.Entry = entry;
        return isNew ? entry.ParentId : null;
    }

    /// <summary>True if anything changed since the last call: the figures' news for followers.</summary>
    public bool TakeChanged()
    {
        var changed = _changed;
        _changed = false;
        return changed;
    }

    /// <summary>Rolls to today's periods, as at midnight; the new day is news.</summary>
    public void RollToToday()
    {
        CurrentFigures();
        _changed = true;
    }

    public GroupView? Get(DateOnly date)
    {
        if (state.Entry is not { } entry)
        {
            return null;
        }
        var figures = CurrentFigures();
        var meeting = figures.SchoolsMeetingTargetsIn(PeriodKeys.Of(date)[services.Figures.TargetPeriod]);
        return GroupViews.Of(entry.Id, entry.Name, date, figures.Members, figures.Schools, meeting);
    }

    /// <summary>A ranking of any kept period; a month whose school ranking is published answers from the publication.</summary>
    public RankingPage Rank(RankingRequest request)
    {
        var figures = CurrentFigures();
        var key = RankingPeriods.KeyOf(request, services);
        if (request is { Kind: RankingKind.Schools, Period: Period.Month } && figures.PublishedSchoolRanking(key) is { } published)
        {
            return RankingPage.From(published, request);
        }
        var page = RankingPage.From(BoardOf(request.Kind, request.Period, key), request);
        return OpenPeriods.IsOpen(request.Period, key, services.FirstOpenDay) ? page with { Provisional = true } : page;
    }

    public RankingPage Shortlist(ShortlistKind kind)
    {
        var figures = CurrentFigures();
        if (state.Entry is not { Level: RegionLevel.City } city)
        {
            throw new ArgumentException($"'{regionId}' is not a city; shortlists are kept per city");
        }
        var quota = services.Options.Quotas.GetValueOrDefault(city.Id) ?? CityQuotas.ForCityName(city.Name);
        var (board, size) = kind switch
        {
            ShortlistKind.TeacherSpaces => (figures.Members.TeacherBoard(Period.Year), quota.TeacherSpaces),
            ShortlistKind.DigitalSchools => (figures.SchoolBoards[(int)Period.Year], quota.DigitalSchools),
            _ => (figures.SchoolBoards[(int)Period.Year], quota.ClubSpaces),
        };
        return new RankingPage(size > 0 ? board.Page(0, size) : [], board.Count);
    }

    /// <summary>What a follower of <paramref name="period"/> receives now: the figures and the tops of the three rankings.</summary>
    public RegionUpdate Update(Period period)
    {
        var top = services.Options.NotifyTop;
        var figures = CurrentFigures();
        var view = Get(services.Calendar.DateOf(services.Time.GetUtcNow()))!;
        var tieBreak = TopRowTie.TieBreakPeriodOf(period);
        var (teacherBoard, schoolBoard) = (figures.Members.TeacherBoard(period), figures.SchoolBoards[(int)period]);
        var (teachers, schools) = (teacherBoard.Page(0, top), schoolBoard.Page(0, top));
        return new RegionUpdate(
            view,
            period,
            teachers,
            schools,
            figures.ChildBoards[(int)period].Page(0, top),
            TopRowTie.Of(teachers, teacherBoard, figures.Members.TeacherBoard(tieBreak)),
            TopRowTie.Of(schools, schoolBoard, figures.SchoolBoards[(int)tieBreak]));
    }

    /// <summary>The published rankings, if one was published since the last snapshot. (Figures are sums of the teachers' reports, rebuilt at start-up.)</summary>
    public GroupHistorySnapshot? TakeHistorySnapshot()
    {
        var figures = state.Figures;
        if (figures.Publications == state.HistoryWritten)
        {
            return null;
        }
        state.HistoryWritten = figures.Publications;
        return new GroupHistorySnapshot(Kind, regionId, figures.Publications, GroupHistoryCodec.Serialize(figures.PublishedSchoolRankings));
    }

    public void RestoreHistory(GroupHistorySnapshot snapshot)
    {
        GroupHistoryCodec.Restore(snapshot, (month, ranking) => state.Figures.RestorePublished(month, ranking, snapshot.Version));
        state.HistoryWritten = snapshot.Version;
    }

    /// <summary>The figures rolled to today's periods with their rankings brought up to date: what every read needs.</summary>
    private RegionFigures CurrentFigures()
    {
        state.Figures.RollTo(PeriodKeys.Of(services.Today));
        state.Figures.CloseOpenPeriods(services.FirstOpenDay);
        Publish();
        state.Figures.Refresh();
        return state.Figures;
    }

    private void Publish()
    {
        if (!services.PublicationPaused)
        {
            state.Figures.PublishClosedMonths(PeriodKeys.Of(services.FirstOpenDay).Month);
        }
    }

    private IReadOnlyLeaderboard BoardOf(RankingKind kind, Period period, int key) => kind switch
    {
        RankingKind.Teachers => state.Figures.Members.TeacherBoard(period, key, services.FirstOpenDay),
        RankingKind.Schools => state.Figures.SchoolBoard(period, key, services.FirstOpenDay),
        _ => state.Figures.ChildBoard(period, key, services.FirstOpenDay),
    };
}
