using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client.Tests;

public sealed class CallTimeoutTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public void Resolve_NothingSet_IsNoDeadline()
    {
        Assert.Null(CallTimeout.Resolve(null, null, _time));
        Assert.Null(CallTimeout.Resolve(new CallOptions(), null, _time));
    }

    [Fact]
    public void Resolve_NothingSetOnTheCall_TakesTheClientDefault()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), CallTimeout.Resolve(new CallOptions(), TimeSpan.FromSeconds(30), _time));
    }

    [Fact]
    public void Resolve_CallTimeout_OverridesTheClientDefault()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), CallTimeout.Resolve(new CallOptions { Timeout = TimeSpan.FromSeconds(90) }, TimeSpan.FromSeconds(30), _time));
    }

    [Fact]
    public void Resolve_Deadline_IsTheTimeLeftUntilIt()
    {
        var options = new CallOptions { Deadline = _time.GetUtcNow().AddSeconds(5) };
        Assert.Equal(TimeSpan.FromSeconds(5), CallTimeout.Resolve(options, null, _time));
    }

    [Theory]
    [InlineData(2, 5, 2)]
    [InlineData(9, 5, 5)]
    public void Resolve_TimeoutAndDeadline_TheEarlierEndWins(int timeoutSeconds, int deadlineSeconds, int expectedSeconds)
    {
        var options = new CallOptions { Timeout = TimeSpan.FromSeconds(timeoutSeconds), Deadline = _time.GetUtcNow().AddSeconds(deadlineSeconds) };
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), CallTimeout.Resolve(options, null, _time));
    }

    [Fact]
    public void Resolve_DeadlineAlreadyPassed_IsDeadlineExceeded()
    {
        var options = new CallOptions { Deadline = _time.GetUtcNow() };
        var error = Assert.Throws<GrpcStatusException>(() => CallTimeout.Resolve(options, null, _time));
        Assert.Equal(GrpcStatusCode.DeadlineExceeded, error.Status.Code);
    }
}
