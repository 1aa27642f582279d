namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>
/// The members of a <see cref="BucketLeaderboard"/> by score: one bucket per score value over a range that
/// grows as needed, and a Fenwick tree of bucket sizes answering "how many score higher" and "which score
/// holds listing position k" in O(log range).
/// </summary>
internal sealed class ScoreIndex(SlotLane slots, int maxSpan)
{
    private const int InitialSpan = 16;
    private const int InitialLowScore = -4;

    private ScoreBucket?[] _buckets = new ScoreBucket?[InitialSpan];
    private FenwickTree _sizes = new(new int[InitialSpan]);
    private int _lowScore = InitialLowScore;
    private int _count;

    /// <summary>Makes the range cover <paramref name="score"/>, at least doubling it when it grows so growth is amortised.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range would exceed the maximum span.</exception>
    public void Cover(int score)
    {
        long low = _lowScore;
        long high = low + _buckets.Length - 1;
        if (score >= low && score <= high)
        {
            return;
        }
        var needed = Math.Max(high, score) - Math.Min(low, score) + 1;
        if (needed > maxSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score,
                $"a leaderboard's scores may span at most {maxSpan} values; this one covers {low}..{high}.");
        }
        long span = Math.Min(maxSpan, Math.Max(needed, 2L * _buckets.Length));
        var newLow = score < low ? Math.Max(int.MinValue, high - span + 1) : low;
        var buckets = new ScoreBucket?[span];
        Array.Copy(_buckets, 0, buckets, low - newLow, _buckets.Length);
        Replace(buckets, (int)newLow);
    }

    public void Enter(int slot)
    {
        var score = slots.Score(slot);
        (_buckets[score - _lowScore] ??= new ScoreBucket(score)).Add(slot, slots);
        _sizes.Add(score - _lowScore, 1);
        _count++;
    }

    public void Leave(int slot)
    {
        var index = slots.Score(slot) - _lowScore;
        var bucket = _buckets[index]!;
        bucket.Remove(slot, slots);
        _sizes.Add(index, -1);
        _count--;
        if (bucket.Count == 0)
        {
            _buckets[index] = null;
        }
    }

    public int CountAbove(int score) => _count - _sizes.PrefixSum(score - _lowScore);

    /// <summary>The size of the score's bucket; 0 outside the range.</summary>
    public int CountAt(int score)
    {
        var index = (long)score - _lowScore;
        return index >= 0 && index < _buckets.Length ? _buckets[index]?.Count ?? 0 : 0;
    }

    /// <summary>The member's 0-based position in the listing (score descending, then id).</summary>
    public int PositionOf(int slot)
    {
        var score = slots.Score(slot);
        return CountAbove(score) + _buckets[score - _lowScore]!.IndexInIdOrder(slot, slots);
    }

    /// <summary>Puts every member in the 0 bucket, back in the initial range so a year's width is not kept.</summary>
    public void ResetToZero()
    {
        var zero = new ScoreBucket(0);
        for (var slot = 0; slot < slots.UsedSlots; slot++)
        {
            if (slots.IsLive(slot))
            {
                slots.Score(slot) = 0;
                zero.Add(slot, slots);
            }
        }
        var buckets = new ScoreBucket?[InitialSpan];
        buckets[-InitialLowScore] = zero.Count > 0 ? zero : null;
        Replace(buckets, InitialLowScore);
    }

    /// <summary>Calls <paramref name="visit"/> with the id, score and rank at listing positions start..end-1, in order.</summary>
    public void Walk(int start, int end, Action<string, int, int> visit)
    {
        for (var position = start; position < end;)
        {
            // Straight to the bucket holding this position: whole buckets above it are skipped by count.
            var index = _sizes.IndexOfPosition(_count - 1 - position);
            var above = _count - _sizes.PrefixSum(index);
            var bucket = _buckets[index]!;
            var order = bucket.InIdOrder(slots);
            if (position - above >= order.Length)
            {
                // Counts and members disagree: fail rather than loop forever on the same position.
                throw new InvalidOperationException($"the bucket of score {bucket.Score} lists fewer members than counted");
            }
            for (var i = position - above; i < order.Length && position < end; i++, position++)
            {
                visit(order[i], bucket.Score, above + 1);
            }
        }
    }

    private void Replace(ScoreBucket?[] buckets, int lowScore)
    {
        var sizes = new int[buckets.Length];
        for (var i = 0; i < buckets.Length; i++)
        {
            sizes[i] = buckets[i]?.Count ?? 0;
        }
        (_buckets, _lowScore, _sizes) = (buckets, lowScore, new FenwickTree(sizes));
    }
}
