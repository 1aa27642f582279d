using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Snapshots;
using ZhijiangLive.Scoring.Events;

namespace ZhijiangLive.Grains.Tests.Cluster;

/// <summary>
/// A cluster restored from teacher snapshots and fed the journal again from an earlier position ends where
/// the original did: teachers pass over the positions their snapshot holds, and schools and regions are
/// rebuilt from the teachers' announcements.
/// </summary>
public sealed class SnapshotRestoreTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ReplayFromBeforeTheSnapshots_PassesOverWhatTheyHold_AndEndsWhereTheOriginalDid(int seed)
    {
        var random = new Random(seed);
        var options = new ClusterOptions { LedgerEntriesPerTeacher = 10_000 };
        await using var original = new ClusterHarness(options);
        // The clock moves up to half an hour a batch: idle teachers are deactivated and park their snapshots.
        original.Cluster.EnableSnapshots();
        await original.BuildTreeAsync();
        var teachers = Enumerable.Range(1, 20).Select(i => ClusterHarness.Teacher($"T{i:00}", ClusterHarness.Schools[i % 6])).ToArray();
        await original.AddTeachersAsync(teachers);

        var journal = new List<(ActivityEvent[] Events, DateTimeOffset At, long First)>();
        var next = 1L;
        List<TeacherSnapshot>? snapshots = null;
        for (var batch = 0; batch < 30; batch++)
        {
            var events = Enumerable.Range(0, random.Next(1, 30)).Select(_ => RandomEvent(original, random, teachers)).ToArray();
            var at = original.Clock.GetUtcNow();
            await original.Cluster.PublishAsync(events, at, next);
            journal.Add((events, at, next));
            next += events.Length;
            if (batch == 19)
            {
                await original.Cluster.FlushAsync();
                // A cut well before the last position: each snapshot then holds positions past the cut.
                snapshots = await original.Cluster.CaptureTeachersAsync(cut: journal[10].First);
            }
            original.Clock.Advance(TimeSpan.FromMinutes(random.Next(1, 30)));
        }
        await original.Cluster.FlushAsync();
        Assert.NotNull(snapshots);
        Assert.Contains(snapshots, s => s.Covered > journal[10].First);
        Assert.Equal(teachers.Length, snapshots.Count);

        await using var restored = new ClusterHarness(options, original.Clock.GetUtcNow());
        snapshots.ForEach(restored.Cluster.RestoreTeacher);
        await restored.BuildTreeAsync();
        await restored.AddTeachersAsync(teachers);
        await restored.Cluster.AnnounceAllTeachersAsync();
        foreach (var (events, at, first) in journal.Skip(5))
        {
            await restored.Cluster.PublishAsync(events, at, first);
        }
        await restored.Cluster.FlushAsync();

        foreach (var teacher in teachers)
        {
            Assert.Equal(Describe(await original.Cluster.GetTeacherAsync(teacher.Id)), Describe(await restored.Cluster.GetTeacherAsync(teacher.Id)));
            var ledger = (await original.Cluster.ExplainTeacherAsync(teacher.Id))!;
            Assert.Equal(ledger.Entries, (await restored.Cluster.ExplainTeacherAsync(teacher.Id))!.Entries);
        }
        foreach (var region in original.Cluster.Roster.Regions)
        {
            Assert.Equal(await original.Cluster.GetRegionAsync(region.Id), await restored.Cluster.GetRegionAsync(region.Id));
        }
        foreach (var school in ClusterHarness.Schools)
        {
            Assert.Equal(await original.Cluster.GetSchoolAsync(school), await restored.Cluster.GetSchoolAsync(school));
        }
    }

    [Fact]
    public async Task ClosedDaysFigures_AreRebuiltFromTheTeachers_AfterARestartPastMidnight()
    {
        await using var original = new ClusterHarness(new ClusterOptions());
        await original.BuildTreeAsync();
        var teachers = new[] { ClusterHarness.Teacher("T1", "S1"), ClusterHarness.Teacher("T2", "S2"), ClusterHarness.Teacher("T3", "S2") };
        await original.AddTeachersAsync(teachers);
        original.SetNow(new DateTimeOffset(2026, 3, 31, 8, 0, 0, TimeSpan.Zero));
        await original.PublishAsync(original.Teach("T2"), original.Teach("T2"), original.Teach("T1"));
        original.SetNow(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero)); // 1 April, 00:00 in Shanghai
        await original.PublishAsync(original.Teach("T3"));
        var teacherSnapshots = await original.Cluster.CaptureTeachersAsync(0);

        await using var restored = await RestartAsync(teacherSnapshots, teachers, original.Clock.GetUtcNow());

        var march = new DateOnly(2026, 3, 31);
        foreach (var scope in new[] { "C1", "K1", "P" })
        {
            var request = new Ranking.RankingRequest(scope, Ranking.RankingKind.Schools, Periods.Period.Month, Date: march);
            var ranking = (await original.Cluster.GetRankingAsync(request))!;
            Assert.NotEmpty(ranking.Entries);
            Assert.Equal(ranking.Entries, (await restored.Cluster.GetRankingAsync(request))!.Entries);
        }
        Assert.Equal(10, (await restored.Cluster.GetSchoolAsync("S2", march))!.Day.Total);
        Assert.Equal(await original.Cluster.GetSchoolAsync("S2", march), await restored.Cluster.GetSchoolAsync("S2", march));
        Assert.Equal(await original.Cluster.GetRegionAsync("P", march), await restored.Cluster.GetRegionAsync("P", march));
        Assert.Equal(await original.Cluster.GetRegionAsync("P"), await restored.Cluster.GetRegionAsync("P"));
    }

    [Fact]
    public async Task RestoredTeachers_AreNotSnapshottedAgain_UntilTheyChange()
    {
        await using var original = new ClusterHarness(new ClusterOptions());
        await original.BuildTreeAsync();
        var teachers = new[] { ClusterHarness.Teacher("T1", "S1"), ClusterHarness.Teacher("T2", "S2") };
        await original.AddTeachersAsync(teachers);
        await original.PublishAsync(original.Teach("T1"));
        var snapshots = await original.Cluster.CaptureTeachersAsync(0);

        await using var restored = await RestartAsync(snapshots, teachers);
        Assert.Empty(await restored.Cluster.CaptureTeachersAsync(0));

        await restored.PublishAsync(restored.Teach("T2"));
        Assert.Equal(["T2"], (await restored.Cluster.CaptureTeachersAsync(0)).Select(s => s.TeacherId));
    }

    [Fact]
    public async Task ARestart_ActivatesNoRestoredTeacher_YetEverySchoolAndRegionHasItsFigures()
    {
        await using var original = new ClusterHarness(new ClusterOptions());
        await original.BuildTreeAsync();
        var teachers = Enumerable.Range(1, 12).Select(i => ClusterHarness.Teacher($"T{i:00}", ClusterHarness.Schools[i % 6])).ToArray();
        await original.AddTeachersAsync(teachers);
        await original.PublishAsync([.. teachers.Take(8).Select(t => original.Teach(t.Id))]);
        var snapshots = await original.Cluster.CaptureTeachersAsync(0);

        await using var restored = await RestartAsync(snapshots, teachers);

        Assert.Equal(0, restored.Cluster.Services.Active.Teachers);
        foreach (var school in ClusterHarness.Schools)
        {
            Assert.Equal(await original.Cluster.GetSchoolAsync(school), await restored.Cluster.GetSchoolAsync(school));
        }
        Assert.Equal(await original.Cluster.GetRegionAsync("P"), await restored.Cluster.GetRegionAsync("P"));

        // T01 taught once (5 points); a second session wakes its grain with that state: 10, the day's cap.
        await restored.PublishAsync(restored.Event("T01", new TeachingSession("after-restart", 2400)));
        Assert.Equal(1, restored.Cluster.Services.Active.Teachers);
        Assert.Equal(10, (await restored.Cluster.GetTeacherAsync("T01"))!.Scores.Day.Points);
        Assert.Equal((await original.Cluster.GetRegionAsync("P"))!.Day.Total + 5, (await restored.Cluster.GetRegionAsync("P"))!.Day.Total);
    }

    [Fact]
    public async Task CaptureTeachers_TakesOnlyTeachersChangedSinceTheirLastSnapshot()
    {
        await using var h = new ClusterHarness(new ClusterOptions());
        await h.BuildTreeAsync();
        await h.AddTeachersAsync(ClusterHarness.Teacher("T1", "S1"), ClusterHarness.Teacher("T2", "S2"));
        Assert.Equal(["T1", "T2"], (await h.Cluster.CaptureTeachersAsync(0)).Select(s => s.TeacherId).Order());

        await h.Cluster.PublishAsync([h.Teach("T2")], h.Clock.GetUtcNow(), firstPosition: 7);
        var second = Assert.Single(await h.Cluster.CaptureTeachersAsync(5));

        Assert.Equal(("T2", 2L, 7L), (second.TeacherId, second.Version, second.Covered));
        Assert.Empty(await h.Cluster.CaptureTeachersAsync(9));
    }

    /// <summary>A new cluster started as the silo does after a restart: teachers restored, roster, announcements.</summary>
    private static async Task<ClusterHarness> RestartAsync(List<TeacherSnapshot> snapshots, TeacherEntry[] teachers, DateTimeOffset? at = null)
    {
        var restored = new ClusterHarness(new ClusterOptions(), at);
        snapshots.ForEach(restored.Cluster.RestoreTeacher);
        await restored.BuildTreeAsync();
        await restored.AddTeachersAsync(teachers);
        await restored.Cluster.AnnounceAllTeachersAsync();
        await restored.Cluster.FlushAsync();
        return restored;
    }

    /// <summary>The view with its per-rule maps spelled out: records compare dictionaries by reference.</summary>
    private static string Describe(ZhijiangLive.Grains.Teachers.TeacherView? view)
    {
        static string Period(ZhijiangLive.Scoring.PeriodScore p) =>
            $"{p.Points}/{p.MobilePoints} [{string.Join(",", p.ByRule.OrderBy(r => r.Key).Select(r => $"{r.Key}={r.Value}"))}]";
        var s = view!.Scores;
        return $"{view.Entry} day {Period(s.Day)} month {Period(s.Month)} year {Period(s.Year)} life {Period(s.Lifetime)} streak {s.LoginStreak}";
    }

    private static ActivityEvent RandomEvent(ClusterHarness h, Random random, Roster.TeacherEntry[] teachers)
    {
        var teacher = teachers[random.Next(teachers.Length)].Id;
        var body = RandomBodies.Next(random, deletions: false);
        return h.Event(teacher, body, client: random.Next(3) == 0 ? ClientKind.Mobile : ClientKind.Pc);
    }
}
