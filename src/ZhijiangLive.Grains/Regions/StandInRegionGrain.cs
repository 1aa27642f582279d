using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Runtime;
using ZhijiangLive.Grains.Snapshots;

namespace ZhijiangLive.Grains.Regions;

/// <summary>
/// A county, city or the province on the stand-in runtime, which <see cref="Cluster.ZhijiangCluster"/> still
/// runs until the facade moves onto Orleans; both hosts are shells around <see cref="RegionCore"/>. Followers
/// and the midnight push live here, as callbacks of this process.
/// </summary>
public sealed partial class StandInRegionGrain(GrainServices services) : Grain<RegionGrainState>
{
    public const string Kind = RegionCore.Kind;

    private readonly List<TeacherChange> _forwards = [];
    private IDisposable? _midnightTimer;
    private RegionCore? _core;

    private RegionCore Core => _core ??= new RegionCore(Id.Key, State, services);

    protected override RegionGrainState CreateState() => new(services.Figures, PeriodKeys.Of(services.Today));

    public override void OnActivate()
    {
        ScheduleMidnight();
        if (State.Subscriptions.Count > 0)
        {
            StartNotifying();
        }
    }

    /// <summary>Takes teacher reports (coalesced per batch) and passes the new ones on to the parent.</summary>
    public void Receive(IReadOnlyList<TeacherChange> reports)
    {
        Core.Receive(reports, _forwards);
        foreach (var report in _forwards)
        {
            Runtime.SendBuffered<StandInRegionGrain, TeacherChange>(
                new GrainId(Kind, Core.ParentId!), report, static (parent, batch) => parent.Receive(batch));
        }
        _forwards.Clear();
    }

    /// <inheritdoc cref="RegionCore.TakeHistorySnapshot"/>
    public GroupHistorySnapshot? TakeHistorySnapshot() => Core.TakeHistorySnapshot();

    public void RestoreHistory(GroupHistorySnapshot snapshot) => Core.RestoreHistory(snapshot);

    public override void OnDeactivate()
    {
        if (services.ParkedSnapshots is { } parked && TakeHistorySnapshot() is { } snapshot)
        {
            parked.Park(snapshot);
        }
    }

    public void RegisterSchool(SchoolRegistration school)
    {
        if (Core.RegisterSchool(school) is { } forwarded)
        {
            Runtime.Tell<StandInRegionGrain>(new GrainId(Kind, Core.ParentId!), parent => parent.RegisterSchool(forwarded));
        }
    }

    public void RegisterChild(string childId) => Core.RegisterChild(childId);

    /// <summary>A new region or a rename; a region's parent never changes.</summary>
    public void Upsert(RegionEntry entry)
    {
        if (Core.Upsert(entry) is { } parentId)
        {
            Runtime.Tell<StandInRegionGrain>(new GrainId(Kind, parentId), parent => parent.RegisterChild(entry.Id));
        }
    }

    public GroupView? Get(DateOnly date) => Core.Get(date);

    /// <inheritdoc cref="RegionCore.Rank"/>
    public RankingPage Rank(RankingRequest request) => Core.Rank(request);

    /// <summary>The best of a city by its quota (SPEC §6), live.</summary>
    public RankingPage Shortlist(ShortlistKind kind) => Core.Shortlist(kind);

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
        Core.RollToToday();
        ScheduleMidnight();
    }
}
