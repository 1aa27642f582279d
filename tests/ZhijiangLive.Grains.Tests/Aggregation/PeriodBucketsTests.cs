using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Periods;
using ZhijiangLive.Scoring.RulePacks;

namespace ZhijiangLive.Grains.Tests.Aggregation;

/// <summary>A group's sums per period add up every member's score, whichever period and key the additions jump between.</summary>
public sealed class PeriodBucketsTests
{
    private static readonly FigureRules Rules = new(new ActiveThresholds(1, 30, 300));

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public void AdditionsAcrossKeysAndFloors_SumAsAPlainTally(int seed)
    {
        var random = new Random(seed);
        var buckets = new PeriodBuckets(Rules);
        var tally = new Dictionary<(Period, int), (long Sum, int Active)>();
        var floors = new Dictionary<Period, int> { [Period.Day] = int.MinValue, [Period.Month] = int.MinValue, [Period.Year] = int.MinValue };
        for (var step = 0; step < 20_000; step++)
        {
            var period = Periods.Periods.All[random.Next(3)];
            // Mostly the same key twice in a row (a report taken out and put back), then now and then another.
            var key = random.Next(4) == 0 ? random.Next(100, 110) : 105;
            if (random.Next(500) == 0)
            {
                var floor = random.Next(100, 108);
                buckets.ForgetBefore(period, floor);
                floors[period] = Math.Max(floors[period], floor);
                foreach (var old in tally.Keys.Where(k => k.Item1 == period && k.Item2 < floors[period]).ToList()) tally.Remove(old);
                continue;
            }
            var (score, sign) = (random.Next(0, 400), random.Next(2) == 0 ? 1 : -1);
            buckets.Add(period, key, score, sign);
            if (score != 0 && key >= floors[period])
            {
                var (sum, active) = tally.GetValueOrDefault((period, key));
                tally[(period, key)] = (sum + sign * score, active + (score >= Rules.ThresholdOf(period) ? sign : 0));
            }
        }
        foreach (var period in Periods.Periods.All)
        {
            for (var key = 100; key < 110; key++)
            {
                var (sum, active) = tally.GetValueOrDefault((period, key));
                var bucket = buckets.Find(period, key);
                Assert.Equal((sum, active), (bucket?.Sum ?? 0, bucket?.Active ?? 0));
            }
        }
    }
}
