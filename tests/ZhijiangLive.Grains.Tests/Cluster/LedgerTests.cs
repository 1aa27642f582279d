using ZhijiangLive.Grains.Teachers;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;
using static ZhijiangLive.Grains.Tests.Cluster.ClusterHarness;

namespace ZhijiangLive.Grains.Tests.Cluster;

/// <summary>"Why does this teacher have N points?": the ledger a teacher grain keeps of its recent days.</summary>
public sealed class LedgerTests : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private readonly ClusterHarness _h = new(new ClusterOptions());

    public async Task InitializeAsync()
    {
        await _h.BuildTreeAsync();
        await _h.AddTeachersAsync(Teacher("T1", "S1"));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Explain_ListsTheDaysEntriesInAcceptanceOrder_WithTheNoteOfACappedEvent()
    {
        await _h.PublishAsync(_h.Teach("T1"), _h.Teach("T1"));
        await _h.PublishAsync(_h.Teach("T1"), _h.Event("T1", Login.Instance));

        var ledger = (await _h.Cluster.ExplainTeacherAsync("T1"))!;

        Assert.Equal((Monday, true, true), (ledger.Date, ledger.Kept, ledger.Complete));
        Assert.Equal(
        [
            new LedgerEntry("e1", RuleIds.Teaching, 5, Monday, null),
            new LedgerEntry("e2", RuleIds.Teaching, 5, Monday, null),
            new LedgerEntry("e3", RuleIds.Teaching, 0, Monday, "daily cap 10 reached"),
            new LedgerEntry("e4", RuleIds.Login, 1, Monday, null),
        ], ledger.Entries);
    }

    [Fact]
    public async Task MeasuredEvents_AreAcceptedWithNoPoints_AndAreNotInTheLedger()
    {
        ActivityBody[] measured =
        [
            new ResourcePublished("r1", "micro_course", true), new HomeworkMarked("k1", "s1"), new SpaceFollowed("u1", false),
            new SpaceFollowing("space-2", false), new SpaceVisited("u2"), new ReviewReceived("u3", "like", true),
        ];
        var teach = _h.Teach("T1");
        var events = measured.Select(body => _h.Event("T1", body, client: ClientKind.Mobile)).Prepend(teach).ToArray();

        var result = await _h.PublishAsync(events);
        var ledger = (await _h.Cluster.ExplainTeacherAsync("T1"))!;
        var teacher = (await _h.Cluster.GetTeacherAsync("T1"))!;

        Assert.Equal((7, 0), (result.Accepted, result.Rejections.Count));
        Assert.Equal([false, true, true, true, true, true, true], result.Outcomes.Select(o => o.MeasuresOnly));
        Assert.All(result.Outcomes.Skip(1), o => Assert.Equal((0, Monday), (o.Entry.Points, o.Entry.Day)));
        Assert.Equal([new LedgerEntry(teach.EventId, RuleIds.Teaching, 5, Monday, null)], ledger.Entries);
        Assert.Equal((5, 5, 5, 0), (teacher.Scores.Day.Points, teacher.Scores.Month.Points, teacher.Scores.Year.Points, teacher.Scores.Day.MobilePoints));
    }

    [Fact]
    public async Task Explain_LateEvent_IsListedUnderTheDayItOccurred()
    {
        var today = _h.Teach("T1");
        var saturday = _h.Event("T1", Login.Instance, _h.Clock.GetUtcNow().AddHours(-50));
        await _h.PublishAsync(today, saturday);

        var onSaturday = (await _h.Cluster.ExplainTeacherAsync("T1", Monday.AddDays(-2)))!;
        var onMonday = (await _h.Cluster.ExplainTeacherAsync("T1"))!;

        Assert.Equal([("e2", RuleIds.Login, 1)], onSaturday.Entries.Select(e => (e.EventId, e.Rule, e.Points)));
        Assert.Equal(["e1"], onMonday.Entries.Select(e => e.EventId));
    }

    [Fact]
    public async Task Explain_KeepsTodayAndTheThreeDaysBefore_ThenTheDayIsNotKept()
    {
        await _h.PublishAsync(_h.Teach("T1"));

        _h.SetNow(_h.Clock.GetUtcNow().AddDays(3).AddHours(13));    // Thursday 23:00 in Shanghai
        var onThursday = (await _h.Cluster.ExplainTeacherAsync("T1", Monday))!;
        _h.SetNow(_h.Clock.GetUtcNow().AddHours(1));                // Friday 00:00
        var onFriday = (await _h.Cluster.ExplainTeacherAsync("T1", Monday))!;
        var tuesday = (await _h.Cluster.ExplainTeacherAsync("T1", Monday.AddDays(1)))!;

        Assert.Equal((true, 1), (onThursday.Kept, onThursday.Entries.Count));
        Assert.Equal((false, 0), (onFriday.Kept, onFriday.Entries.Count));
        Assert.Equal((true, true, 0), (tuesday.Kept, tuesday.Complete, tuesday.Entries.Count));
    }

    [Fact]
    public async Task NewDay_DropsTheEntriesOfDaysOutsideTheWindow()
    {
        _h.Cluster.EnableSnapshots();
        await _h.PublishAsync(_h.Teach("T1"), _h.Teach("T1"));
        _h.SetNow(_h.Clock.GetUtcNow().AddDays(4));
        await _h.PublishAsync(_h.Teach("T1"));

        var snapshot = Assert.Single(await _h.Cluster.CaptureTeachersAsync(0));
        var state = TeacherGrainStateCodec.Deserialize("T1", snapshot.State, _h.Cluster.Services.LedgerNotes);

        Assert.Equal(1, state.Ledger.Count);
    }

    [Fact]
    public async Task Explain_PastThePerTeacherCap_KeepsTheNewestEntries()
    {
        await using var h = new ClusterHarness(new ClusterOptions { LedgerEntriesPerTeacher = 3 });
        await h.BuildTreeAsync();
        await h.AddTeachersAsync(Teacher("T1", "S1"));
        await h.PublishAsync(h.Teach("T1"), h.Teach("T1"), h.Teach("T1"), h.Teach("T1"), h.Teach("T1"));

        var ledger = (await h.Cluster.ExplainTeacherAsync("T1"))!;

        Assert.Equal(["e3", "e4", "e5"], ledger.Entries.Select(e => e.EventId));
        Assert.Equal((true, false), (ledger.Kept, ledger.Complete));
    }

    [Fact]
    public async Task Explain_UnknownTeacher_IsNull()
    {
        Assert.Null(await _h.Cluster.ExplainTeacherAsync("ghost"));
    }

    [Fact]
    public async Task Explain_AfterARosterMove_StillListsTheDaysEntries()
    {
        await _h.PublishAsync(_h.Teach("T1"), _h.Event("T1", Login.Instance));

        await _h.AddTeachersAsync(Teacher("T1", "S5"));
        await _h.PublishAsync(_h.Teach("T1"));

        var ledger = (await _h.Cluster.ExplainTeacherAsync("T1"))!;
        Assert.Equal(["e1", "e2", "e3"], ledger.Entries.Select(e => e.EventId));
    }
}
