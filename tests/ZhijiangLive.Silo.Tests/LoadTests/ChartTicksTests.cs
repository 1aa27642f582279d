using ZhijiangLive.LoadTests.Report;

namespace ZhijiangLive.Silo.Tests.LoadTests;

public sealed class ChartTicksTests
{
    [Theory]
    [InlineData(2_420, 8, 500)]
    [InlineData(3_150, 8, 500)]
    [InlineData(58_105, 8, 10_000)]
    [InlineData(231_732, 8, 50_000)]
    [InlineData(9, 8, 2)]
    [InlineData(1_650, 40, 50)]
    [InlineData(0.4, 8, 1)] // never below the smallest step asked for (whole marks, whole events)
    [InlineData(0, 8, 1)]
    public void A_step_is_1_2_or_5_times_a_power_of_ten_giving_at_most_so_many_steps(double top, int most, double step) =>
        Assert.Equal(step, ChartTicks.RoundStep(top, most));

    [Theory]
    [InlineData(950, "950")]
    [InlineData(1_000, "1k")]
    [InlineData(1_250, "1.25k")] // a tick label never rounds its tick (no "1.3k" at 1,250)
    [InlineData(2_500_000, "2.5M")]
    public void Count_labels_are_exact(double value, string label) => Assert.Equal(label, ChartTicks.Count(value));
}
