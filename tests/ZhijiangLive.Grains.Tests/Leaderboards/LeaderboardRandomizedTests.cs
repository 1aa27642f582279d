using ZhijiangLive.Grains.Leaderboards;
using static ZhijiangLive.Grains.Tests.Leaderboards.BoardKinds;

namespace ZhijiangLive.Grains.Tests.Leaderboards;

public sealed class LeaderboardRandomizedTests
{
    public static TheoryData<string, int, int> Cases()
    {
        var cases = new TheoryData<string, int, int>();
        foreach (var kind in new[] { Bucket, Sorted })
        {
            foreach (var seed in new[] { 1, 7, 42, 2024 })
            {
                cases.Add(kind, seed, 300);
            }
            cases.Add(kind, 99, 3000);
        }
        return cases;
    }

    [Theory, MemberData(nameof(Cases))]
    public void RandomOperations_AnswerLikeABruteForceSort(string kind, int seed, int pool)
    {
        var random = new Random(seed);
        var board = Create(kind);
        var reference = new ReferenceLeaderboard();
        var ids = Enumerable.Range(0, pool).Select(i => $"t{i}").ToArray();
        foreach (var id in ids.Where(_ => random.Next(2) == 0))
        {
            board.Set(id, 0);
            reference.Set(id, 0);
        }
        for (var step = 0; step < 4000; step++)
        {
            var id = ids[random.Next(ids.Length)];
            var roll = random.Next(1000);
            if (roll < 600)
            {
                // Mostly a few crowded scores, sometimes far ones that make the bucket range grow.
                var score = random.Next(10) == 0 ? random.Next(-60, 600) : random.Next(-3, 9);
                Apply(kind == Sorted && random.Next(3) == 0 ? score / 4.0 : score);
            }
            else if (roll < 850)
            {
                Apply((reference.ScoreOf(id) ?? 0) + random.Next(-3, 4));
            }
            else if (roll < 997)
            {
                Assert.Equal(reference.Remove(id), board.Remove(id));
            }
            else
            {
                board.ResetScores();
                reference.ResetScores();
            }
            // Queries come at random, and not at all for 400 steps in each 1000: a cached order is then
            // repaired after one change, after a few, or found mostly stale and rebuilt.
            if (step % 1000 < 600 && random.Next(4) == 0)
            {
                CheckQueries(board, reference, ids[random.Next(ids.Length)], random);
            }
            if (step % 500 == 499)
            {
                CheckWholeListing(board, reference, random);
            }

            void Apply(double score)
            {
                board.Set(id, score);
                reference.Set(id, score);
            }
        }
        CheckWholeListing(board, reference, random);
    }

    private static void CheckQueries(ILeaderboard board, ReferenceLeaderboard reference, string id, Random random)
    {
        var listing = reference.Listing();
        Assert.Equal(reference.Count, board.Count);
        Assert.Equal(reference.ScoreOf(id), board.ScoreOf(id));
        Assert.Equal(reference.ScoreOf(id) is not null, board.Contains(id));
        CheckAgainst(board, listing, id, random);
    }

    private static void CheckWholeListing(ILeaderboard board, ReferenceLeaderboard reference, Random random)
    {
        var listing = reference.Listing();
        var frozen = board.Freeze();
        var all = Enumerable.Range(0, (listing.Count + 999) / 1000).SelectMany(p => board.Page(p * 1000, 1000));
        Assert.Equal(Lines(listing), Lines(all));
        Assert.Equal(listing.Count, frozen.Count);
        foreach (var id in reference.Ids.Take(50))
        {
            CheckAgainst(frozen, listing, id, random);
        }
    }

    private static void CheckAgainst(IReadOnlyLeaderboard board, List<LeaderboardEntry> listing, string id, Random random)
    {
        var position = listing.FindIndex(e => e.Id == id);
        Assert.Equal(position < 0 ? null : listing[position].Rank, board.RankOf(id));
        var (before, after) = (random.Next(6), random.Next(6));
        var around = position < 0 ? [] : listing.Skip(Math.Max(0, position - before)).Take(Math.Min(position, before) + 1 + after);
        Assert.Equal(Lines(around), Lines(board.Around(id, before, after)));
        var (offset, limit) = (random.Next(listing.Count + 3), random.Next(1, 40));
        Assert.Equal(Lines(listing.Skip(offset).Take(limit)), Lines(board.Page(offset, limit)));
    }
}
