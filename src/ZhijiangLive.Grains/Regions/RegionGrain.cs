using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Runtime;
using ZhijiangLive.Grains.Snapshots;

namespace ZhijiangLive.Grains.Regions;

public sealed partial class RegionGrain(GrainServices services) : Grain<RegionGrainState>, IRegionGrain
{
    public const string Kind = "region";

    private IDisposable? _midnightTimer;

    protected override RegionGrainState CreateState() => new(services.Figures, PeriodKeys.Of(services.Today));

    public override void OnActivate()
    {
        ScheduleMidnight();
        if (State.Subscriptions.Count > 0)
        {
            StartNotifying();
        }
    }

    public void Receive(IReadOnlyList<TeacherChange> reports)
    {
        var figures = State.Figures;
        var parentId = State.Entry?.ParentId;
        var changed = false;
        foreach (var report in reports)
        {
            if (!figures.Apply(report))
            {
                continue;
            }
            changed = true;
            if (parentId is not null)
            {
                var forwarded = State.Entry!.Level == RegionLevel.County ? report with { CityId = parentId } : report;
                Runtime.SendBuffered<RegionGrain, TeacherChange>(
                    new GrainId(Kind, parentId), forwarded, static (parent, batch) => parent.Receive(batch));
            }
        }
        if (changed)
        {
            MarkChanged();
        }
    }

    /// <summary>The closed periods' figures and published rankings, if they changed since the last snapshot.</summary>
    public GroupHistorySnapshot? TakeHistorySnapshot()
    {
        var figures = State.Figures;
        var history = figures.Members.History;
        if (history.Changes == State.HistoryWritten)
        {
            return null;
        }
        State.HistoryWritten = history.Changes;
        return new GroupHistorySnapshot(Kind, Id.Key, history.Changes, GroupHistoryCodec.Serialize(history, figures.PublishedSchoolRankings));
    }

    public void RestoreHistory(GroupHistorySnapshot snapshot)
    {
        GroupHistoryCodec.Restore(snapshot, State.Figures.Members.History, State.Figures.RestorePublished);
        State.HistoryWritten = snapshot.Version;
    }

    public override void OnDeactivate()
    {
        if (services.ParkedSnapshots is { } parked && TakeHistorySnapshot() is { } snapshot)
        {
            parked.Park(snapshot);
        }
    }

    public void RegisterSchool(SchoolRegistration school)
    {
        State.Figures.AddSchool(school.SchoolId, State.ChildOf(school.CountyId, school.CityId));
        MarkChanged();
        if (State.Entry?.ParentId is { } parentId)
        {
            var forwarded = State.Entry.Level == RegionLevel.County ? school with { CityId = parentId } : school;
            Runtime.Tell<RegionGrain>(new GrainId(Kind, parentId), parent => parent.RegisterSchool(forwarded));
        }
    }

    public void RegisterChild(string childId)
    {
        State.Figures.AddChild(childId);
        MarkChanged();
    }

    public void Upsert(RegionEntry entry)
    {
        var isNew = State.Entry is null;
        State.Entry = entry;
        if (!isNew || entry.ParentId is not { } parentId)
        {
            return;
        }
        Runtime.Tell<RegionGrain>(new GrainId(Kind, parentId), parent => parent.RegisterChild(entry.Id));
    }

    public GroupView? Get(DateOnly date)
    {
        if (State.Entry is not { } entry)
        {
            return null;
        }
        var figures = CurrentFigures();
        return GroupViews.Of(entry.Id, entry.Name, date, figures.Members, figures.Schools, figures.SchoolsMeetingTargets);
    }

    public RankingPage Rank(RankingRequest request)
    {
        var figures = CurrentFigures();
        var asked = PeriodKeys.Of(request.Date?.DayNumber ?? services.Today);
        if (request is { Kind: RankingKind.Schools, Period: Period.Month } && asked.Month < figures.Current.Month)
        {
            return figures.PublishedSchoolRanking(asked.Month) is { } published
                ? RankingPage.From(published, request)
                : RankingPage.Empty;
        }
        RankingPeriods.ThrowUnlessCurrent(request, figures.Current, services.Today);
        return RankingPage.From(BoardOf(request.Kind, request.Period), request);
    }

    public RankingPage Shortlist(ShortlistKind kind)
    {
        var figures = CurrentFigures();
        if (State.Entry is not { Level: RegionLevel.City } city)
        {
            throw new ArgumentException($"'{Id.Key}' is not a city; shortlists are kept per city");
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

    /// <summary>The figures rolled to today's periods with their rankings brought up to date: what every read needs.</summary>
    private RegionFigures CurrentFigures()
    {
        State.Figures.RollTo(PeriodKeys.Of(services.Today));
        State.Figures.Refresh();
        return State.Figures;
    }

    private Leaderboards.IReadOnlyLeaderboard BoardOf(RankingKind kind, Period period) => kind switch
    {
        RankingKind.Teachers => State.Figures.Members.TeacherBoard(period),
        RankingKind.Schools => State.Figures.SchoolBoards[(int)period],
        _ => State.Figures.ChildBoards[(int)period],
    };

    private void ScheduleMidnight()
    {
        _midnightTimer?.Dispose();
        var now = services.Time.GetUtcNow();
        var tomorrow = services.Calendar.DateOf(now).AddDays(1);
        var due = services.Calendar.StartOf(tomorrow) - now;
        _midnightTimer = RegisterTimer(OnMidnight, due, Timeout.InfiniteTimeSpan);
    }

    private void OnMidnight()
    {
        CurrentFigures();
        MarkChanged();
        ScheduleMidnight();
    }
}
