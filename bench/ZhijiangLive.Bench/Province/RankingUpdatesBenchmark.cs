using System.Diagnostics;
using ZhijiangLive.Grains.Leaderboards;

namespace ZhijiangLive.Bench.Province;

/// <summary>
/// What a region pays to keep its teacher rankings of the day, month and year current, report by report: three
/// <see cref="BucketLeaderboard"/>s (a look-up and the member's places in each) against one
/// <see cref="PeriodLeaderboards"/> of three, at the sizes of a province, a city and a county.
/// </summary>
public static class RankingUpdatesBenchmark
{
    private const int Rounds = 3;

    public static void Run(int teachers, int seed)
    {
        Console.WriteLine($"ranking updates: 3 rankings (day, month, year) per report, {Rounds} rounds, 5 reports a member in random order");
        foreach (var (scope, members) in new[] { ("province", teachers), ("city", teachers / 11), ("county", teachers / 90) })
        {
            Measure(scope, Math.Max(1, members), seed);
        }
    }

    private static void Measure(string scope, int members, int seed)
    {
        var ids = Enumerable.Range(0, members).Select(i => $"T{i:D7}").ToArray();
        var random = new Random(seed);
        var reports = Enumerable.Range(0, members * 5).Select(_ => random.Next(members)).ToArray();
        var separate = new[] { new BucketLeaderboard(), new BucketLeaderboard(), new BucketLeaderboard() };
        var together = new PeriodLeaderboards(3);
        foreach (var id in ids)
        {
            foreach (var board in separate) board.Set(id, 0);
            together.Set(id, [0, 0, 0]);
        }
        var (separateScores, togetherScores) = (new int[members], new int[members]);
        var timings = new List<(double Separate, double Together)>();
        for (var round = 0; round < Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var member in reports)
            {
                // A scored event adds its points to the day, the month and the year alike.
                var score = separateScores[member] += 3;
                foreach (var board in separate) board.Set(ids[member], score);
            }
            var apart = clock.Elapsed.TotalNanoseconds / reports.Length;
            clock.Restart();
            foreach (var member in reports)
            {
                var score = togetherScores[member] += 3;
                together.Set(ids[member], [score, score, score]);
            }
            timings.Add((apart, clock.Elapsed.TotalNanoseconds / reports.Length));
        }
        Console.WriteLine($"  {scope,-8} {members,9:N0} members: three boards {Range(timings.Select(t => t.Separate))} ns a report, " +
            $"one of three {Range(timings.Select(t => t.Together))} ns; ratio by round {string.Join(", ", timings.Select(t => $"{t.Separate / t.Together:F2}"))}");
    }

    private static string Range(IEnumerable<double> values) => $"{values.Min():N0}–{values.Max():N0}";
}
