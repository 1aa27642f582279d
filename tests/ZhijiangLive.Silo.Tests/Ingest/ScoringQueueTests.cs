using Orleans;
using Orleans.Hosting;
using ZhijiangLive.Grains;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Hosting;
using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Grains.Teachers;
using ZhijiangLive.Scoring;
using ZhijiangLive.Scoring.Events;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Silo.Ingest;

namespace ZhijiangLive.Silo.Tests.Ingest;

/// <summary>Groups journaled while the grains score go to them together: one call per teacher for all of them.</summary>
public sealed class ScoringQueueTests : IAsyncLifetime
{
    private static readonly DateTimeOffset s_at = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private readonly HeldTeacherCalls _calls = new();
    private LocalSilo _silo = null!;

    public async Task InitializeAsync()
    {
        _silo = await LocalSilo.StartAsync(RulePackLoader.Default, new ClusterOptions(), new FixedClock(s_at),
            silo => silo.AddIncomingGrainCallFilter(_calls));
        await _silo.Cluster.UpsertRosterAsync(new RosterBatch(
            [new("P", "浙江省", RegionLevel.Province, null), new("C", "杭州市", RegionLevel.City, "P"), new("K", "西湖区", RegionLevel.County, "C")],
            [new("S", "学校", "K")],
            [new("T1", "教师一", "S", "数学", false), new("T2", "教师二", "S", "语文", false)]));
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task GroupsWaitingWhileOneIsScored_GoTogether_AndEachHearsItsOwnOutcomes()
    {
        var queue = new ScoringQueue(_silo.Cluster);
        _calls.Reset(hold: true);

        var first = queue.EnqueueAsync([Teach("a", "T1", 1)]);
        await _calls.FirstArrived;
        var second = queue.EnqueueAsync([Teach("b", "T1", 2), Teach("c", "T2", 3)]);
        var third = queue.EnqueueAsync([Teach("d", "NOT-ON-ROSTER", 4), Teach("e", "T1", 5)]);
        _calls.Release();

        Assert.Equal(1, (await first).Accepted);
        Assert.Equal(2, (await second).Accepted);
        var refused = Assert.Single((await third).Rejections);
        Assert.Equal((0, RejectionReason.UnknownTeacher), (refused.Index, refused.Reason));
        // T1: one call for the first group, one for its events of the second and third together.
        Assert.Equal(2, _calls.PublishesOf("T1"));
        Assert.Equal(10, (await _silo.Cluster.GetTeacherAsync("T1"))!.Scores.Day.Points);
    }

    [Fact]
    public async Task Idle_CompletesOnlyOnceEveryEnqueuedGroupIsScored()
    {
        var queue = new ScoringQueue(_silo.Cluster);
        _calls.Reset(hold: true);
        var scored = queue.EnqueueAsync([Teach("a", "T2", 1)]);
        await _calls.FirstArrived;

        var idle = queue.IdleAsync();
        await Task.Delay(100);
        Assert.False(idle.IsCompleted);

        _calls.Release();
        await idle;
        Assert.True(scored.IsCompletedSuccessfully);
    }

    private static AcceptedEvent Teach(string id, string teacher, long position) =>
        new(new ActivityEvent(id, teacher, s_at, ClientKind.Pc, new TeachingSession($"s-{id}", 2400)), s_at, position);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Counts teacher publishes, and can hold them until released, so that groups queue up behind one.</summary>
    private sealed class HeldTeacherCalls : IIncomingGrainCallFilter
    {
        private readonly Dictionary<string, int> _publishes = [];
        private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstArrived => _arrived.Task;

        public void Reset(bool hold)
        {
            lock (_publishes)
            {
                _publishes.Clear();
                _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
                _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
                if (!hold)
                {
                    _released.SetResult();
                }
            }
        }

        public void Release() => _released.TrySetResult();

        public int PublishesOf(string teacher)
        {
            lock (_publishes)
            {
                return _publishes.GetValueOrDefault(teacher);
            }
        }

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.InterfaceMethod.Name == nameof(ITeacherGrain.PublishAsync))
            {
                Task released;
                lock (_publishes)
                {
                    var teacher = context.TargetId.Key.ToString()!;
                    _publishes[teacher] = _publishes.GetValueOrDefault(teacher) + 1;
                    released = _released.Task;
                }
                _arrived.TrySetResult();
                await released;
            }
            await context.Invoke();
        }
    }
}
