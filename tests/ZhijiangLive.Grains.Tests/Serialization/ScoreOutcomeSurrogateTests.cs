using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using ZhijiangLive.Grains.Serialization;
using ZhijiangLive.Scoring;

namespace ZhijiangLive.Grains.Tests.Serialization;

/// <summary>A teacher grain's outcomes through Orleans' serializer: the measures-only flag travels with them.</summary>
public sealed class ScoreOutcomeSurrogateTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(ScoreOutcomeConverter).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void MeasuredOutcome_KeepsItsFlag()
    {
        var measured = ScoreOutcome.Measured("e1", new DateOnly(2026, 3, 2));
        var decided = ScoreOutcome.Decided(new LedgerEntry("e2", RuleIds.Login, 1, new DateOnly(2026, 3, 2), null));

        var measuredBack = Serializer.Deserialize<ScoreOutcome>(Serializer.SerializeToArray(measured));
        var decidedBack = Serializer.Deserialize<ScoreOutcome>(Serializer.SerializeToArray(decided));

        Assert.Equal(measured, measuredBack);
        Assert.True(measuredBack.MeasuresOnly);
        Assert.Equal(decided, decidedBack);
        Assert.False(decidedBack.MeasuresOnly);
    }
}
