using ZhijiangLive.Silo.Security;

namespace ZhijiangLive.Silo.Tests.Security;

/// <summary>A flood of refusals is logged up to a bound a second, and the rest are reported as a count.</summary>
public sealed class RefusalSamplerTests
{
    [Fact]
    public void RefusalsOverTheBound_AreCounted_AndTheNextSecondLogsAgain()
    {
        var clock = new RunningSilo.StoppedClock(RunningSilo.Now);
        var reported = new List<long>();
        using var sampler = new RefusalSampler(clock, reported.Add);

        var admitted = Enumerable.Range(0, RefusalSampler.PerSecond + 5).Count(_ => sampler.Admit());
        sampler.Report();
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(RefusalSampler.PerSecond, admitted);
        Assert.Equal([5L], reported);
        Assert.True(sampler.Admit());
    }

    [Fact]
    public async Task TheCount_IsReportedWhenItsSecondIsOver_WithoutAnotherRefusal()
    {
        var clock = new RunningSilo.StoppedClock(RunningSilo.Now.AddMilliseconds(900));
        var reported = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sampler = new RefusalSampler(clock, count => reported.TrySetResult(count));

        for (var i = 0; i < RefusalSampler.PerSecond + 3; i++)
        {
            sampler.Admit();
        }

        Assert.Equal(3, await reported.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
