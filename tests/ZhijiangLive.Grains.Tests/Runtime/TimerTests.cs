using ZhijiangLive.Grains.Runtime;

namespace ZhijiangLive.Grains.Tests.Runtime;

public sealed class TimerTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly ManualTimeProvider _clock = new();
    private readonly Probe _probe = new();

    [Fact]
    public async Task Timer_FiresOnTheFakeClock_AsTurnsOnTheGrainsThread()
    {
        await using var runtime = Runtimes.Start(time: _clock).WithCounters(_probe);
        var id = Runtimes.Counter("a");
        int grainThread = await runtime.Ask<CounterGrain, int>(id, g => { g.StartTicking(Second); return g.ThreadId; }).Within();

        await AdvanceAndFlush(runtime, TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, _probe.Ticks);
        await AdvanceAndFlush(runtime, TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, _probe.Ticks);
        await AdvanceAndFlush(runtime, Second);
        Assert.Equal(2, _probe.Ticks);

        Assert.Equal(grainThread, _probe.TickThreadId);
        Assert.Equal(2, await runtime.Ask<CounterGrain, int>(id, g => g.State.Count).Within());
        Assert.Equal(0, _probe.Overlaps);
    }

    [Fact]
    public async Task Timer_Disposed_StopsFiring()
    {
        await using var runtime = Runtimes.Start(time: _clock).WithCounters(_probe);
        var id = Runtimes.Counter("a");
        await runtime.Ask<CounterGrain>(id, g => g.StartTicking(Second)).Within();
        await AdvanceAndFlush(runtime, Second);

        await runtime.Ask<CounterGrain>(id, g => g.StopTicking()).Within();
        for (int i = 0; i < 5; i++)
        {
            await AdvanceAndFlush(runtime, Second);
        }

        Assert.Equal(1, _probe.Ticks);
        Assert.Equal(1, runtime.ActiveGrainCount);
    }

    [Fact]
    public async Task Timer_StopsOnDeactivation_AndDoesNotReactivateTheGrain()
    {
        await using var runtime = Runtimes.Start(time: _clock).WithCounters(_probe);
        var id = Runtimes.Counter("a");
        await runtime.Ask<CounterGrain>(id, g => g.StartTicking(Second)).Within();
        await AdvanceAndFlush(runtime, Second);

        runtime.Tell<CounterGrain>(id, static g => g.Leave());
        await runtime.FlushAsync().Within();
        for (int i = 0; i < 5; i++)
        {
            await AdvanceAndFlush(runtime, Second);
        }

        Assert.Equal(1, _probe.Ticks);
        Assert.Equal(0, runtime.ActiveGrainCount);
        Assert.Equal(1, _probe.Activations);
    }

    [Fact]
    public async Task Timer_DoesNotKeepAnIdleGrainActive()
    {
        await using var runtime = Runtimes.Start(time: _clock).WithCounters(_probe);
        await runtime.Ask<CounterGrain>(Runtimes.Counter("a"), g => g.StartTicking(TimeSpan.FromSeconds(30))).Within();

        for (int minute = 0; minute < 10; minute++)
        {
            await AdvanceAndFlush(runtime, TimeSpan.FromMinutes(1));
        }

        Assert.Equal(0, runtime.ActiveGrainCount);
        Assert.Equal(1, _probe.Deactivations);
        int ticks = _probe.Ticks;
        await AdvanceAndFlush(runtime, TimeSpan.FromMinutes(1));
        Assert.Equal(ticks, _probe.Ticks);
    }

    private async Task AdvanceAndFlush(GrainRuntime runtime, TimeSpan by)
    {
        _clock.Advance(by);
        await runtime.FlushAsync().Within();
    }
}
