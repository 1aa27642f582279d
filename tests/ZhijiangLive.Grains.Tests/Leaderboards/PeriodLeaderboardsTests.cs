using ZhijiangLive.Grains.Leaderboards;
using static ZhijiangLive.Grains.Tests.Leaderboards.BoardKinds;

namespace ZhijiangLive.Grains.Tests.Leaderboards;

/// <summary>Several rankings of one membership answer as the same number of separate boards would.</summary>
public sealed class PeriodLeaderboardsTests
{
    [Theory]
    [InlineData(1, 300)]
    [InlineData(7, 300)]
    [InlineData(2024, 3000)]
    public void EachRanking_AnswersLikeASeparateBoardFedTheSameScores(int seed, int pool)
    {
        var random = new Random(seed);
        var rankings = new PeriodLeaderboards(3);
        var separate = new[] { new ReferenceLeaderboard(), new ReferenceLeaderboard(), new ReferenceLeaderboard() };
        var ids = Enumerable.Range(0, pool).Select(i => $"t{i}").ToArray();
        for (var step = 0; step < 5000; step++)
        {
            var id = ids[random.Next(ids.Length)];
            var roll = random.Next(1000);
            if (roll < 850)
            {
                // As a teacher's day, month and year scores: the day's at most the month's, at most the year's,
                // each rising by the same points, with now and then a score far off that widens a range.
                var day = random.Next(10) == 0 ? random.Next(-50, 500) : random.Next(0, 8);
                int[] scores = [day, day + random.Next(0, 20), day + random.Next(20, 60)];
                rankings.Set(id, scores);
                for (var r = 0; r < 3; r++) separate[r].Set(id, scores[r]);
            }
            else if (roll < 995)
            {
                var removed = rankings.Remove(id);
                foreach (var board in separate) Assert.Equal(board.Remove(id), removed);
            }
            else
            {
                var ranking = random.Next(3);
                rankings.ResetScores(ranking);
                separate[ranking].ResetScores();
            }
            if (random.Next(8) == 0 || step == 4999)
            {
                var ranking = random.Next(3);
                CheckRanking(rankings[ranking], separate[ranking], ids[random.Next(ids.Length)], random);
            }
        }
    }

    [Fact]
    public void AScoreOutOfRange_ChangesNoRanking()
    {
        var rankings = new PeriodLeaderboards(3);
        rankings.Set("a", [1, 2, 3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => rankings.Set("a", [5, 6, BucketLeaderboard.MaxScoreSpan + 10]));
        Assert.Throws<ArgumentOutOfRangeException>(() => rankings.Set("b", [5, 6, BucketLeaderboard.MaxScoreSpan + 10]));
        Assert.Equal(1, rankings.Count);
        Assert.Equal([1.0, 2.0, 3.0], Enumerable.Range(0, 3).Select(r => rankings[r].ScoreOf("a")!.Value));
        Assert.False(rankings[0].Contains("b"));
    }

    [Fact]
    public void NotOneScorePerRanking_IsRefused()
    {
        var rankings = new PeriodLeaderboards(3);
        Assert.Throws<ArgumentException>(() => rankings.Set("a", [1, 2]));
        Assert.Equal(0, rankings.Count);
    }

    private static void CheckRanking(IReadOnlyLeaderboard ranking, ReferenceLeaderboard reference, string id, Random random)
    {
        var listing = reference.Listing();
        Assert.Equal(reference.Count, ranking.Count);
        Assert.Equal(reference.ScoreOf(id), ranking.ScoreOf(id));
        var pages = Enumerable.Range(0, listing.Count / 1000 + 1).SelectMany(p => ranking.Page(p * 1000, 1000));
        Assert.Equal(Lines(listing), Lines(pages));
        var position = listing.FindIndex(e => e.Id == id);
        Assert.Equal(position < 0 ? null : listing[position].Rank, ranking.RankOf(id));
        var (before, after) = (random.Next(6), random.Next(6));
        var around = position < 0 ? [] : listing.Skip(Math.Max(0, position - before)).Take(Math.Min(position, before) + 1 + after);
        Assert.Equal(Lines(around), Lines(ranking.Around(id, before, after)));
        var score = random.Next(-5, 60);
        Assert.Equal(listing.Count(e => e.Score == score), ranking.CountAt(score));
    }
}
