using Microsoft.Extensions.DependencyInjection;
using ZhijiangLive.Grains.Storage;
using ZhijiangLive.Grains.Tests.Cluster;
using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Storage;
using ZhijiangLive.Storage.Sqlite;
using static ZhijiangLive.Grains.Tests.Cluster.ClusterHarness;

namespace ZhijiangLive.Grains.Tests.Storage;

/// <summary>
/// Teacher grains keep their state in Orleans grain storage on the silo's store: a snapshot round writes
/// the changed ones, a deactivated grain writes its own, and a grain activated in a later silo reads its row.
/// </summary>
public sealed class SnapshotGrainStorageTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"zhijiang-grain-storage-{Guid.NewGuid():N}.db");
    private SqliteStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new SqliteStore(_path);
        await _store.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        File.Delete(_path);
    }

    private ClusterHarness OnTheStore() =>
        new(new ClusterOptions(), configure: silo => silo.Services.AddSingleton<IDurableStore>(_store));

    [Fact]
    public async Task ASnapshotRound_WritesOnlyTheChangedTeachers_EachAsItsRow()
    {
        await using var h = OnTheStore();
        await h.BuildTreeAsync();
        await h.AddTeachersAsync(Teacher("T1", "S1"), Teacher("T2", "S2"));
        Assert.Equal(2, await h.Cluster.SaveChangedTeachersAsync(cut: 0));

        await h.Cluster.PublishAsync([h.Teach("T2")], h.Clock.GetUtcNow(), firstPosition: 7);
        Assert.Equal(1, await h.Cluster.SaveChangedTeachersAsync(cut: 5));
        Assert.Equal(0, await h.Cluster.SaveChangedTeachersAsync(cut: 9));

        var rows = (await _store.ReadSnapshotsAsync(TeacherRecord.StateName, ["T1", "T2"])).ToDictionary(r => r.Key);
        Assert.Equal((2L, 7L), (rows["T2"].Version, rows["T2"].Position));
        Assert.Equal(1L, rows["T1"].Version);
    }

    [Fact]
    public async Task AGrainActivatedInALaterSilo_ReadsItsStateFromTheStore()
    {
        await using (var first = OnTheStore())
        {
            await first.BuildTreeAsync();
            await first.AddTeachersAsync(Teacher("T1", "S1"));
            await first.PublishAsync(first.Teach("T1"));
            await first.Cluster.SaveChangedTeachersAsync(cut: 0);
        }

        await using var second = OnTheStore();
        await second.BuildTreeAsync();
        // Nothing restored in memory: the grain reads its row when the roster's upsert activates it.
        await second.AddTeachersAsync(Teacher("T1", "S1"));
        await second.PublishAsync(second.Event("T1", new TeachingSession("second-silo", 2400)));

        var teacher = (await second.Cluster.GetTeacherAsync("T1"))!;
        Assert.Equal(("S1", 10), (teacher.Entry.SchoolId, teacher.Scores.Day.Points));
    }

    [Fact]
    public async Task ADeactivatedTeacher_WritesWhatChangedSinceTheLastRound()
    {
        await using (var first = OnTheStore())
        {
            await first.BuildTreeAsync();
            await first.AddTeachersAsync(Teacher("T1", "S1"));
            await first.Cluster.SaveChangedTeachersAsync(cut: 0);
            await first.PublishAsync(first.Teach("T1"));
            // The silo stops without another round: the grain writes as it is deactivated.
        }

        var row = Assert.Single(await _store.ReadSnapshotsAsync(TeacherRecord.StateName, ["T1"]));
        Assert.Equal(2L, row.Version);
        await using var second = OnTheStore();
        await second.BuildTreeAsync();
        await second.AddTeachersAsync(Teacher("T1", "S1"));
        Assert.Equal(5, (await second.Cluster.GetTeacherAsync("T1"))!.Scores.Day.Points);
    }
}
