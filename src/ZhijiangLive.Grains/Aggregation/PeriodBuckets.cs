using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Aggregation;

/// <summary>
/// A group's points and active spaces in every period its members scored in, current or closed: the sum
/// over its current members, so a late event in a closed day or a teacher moving with its history
/// changes a closed period exactly as it changes today.
/// </summary>
public sealed class PeriodBuckets(FigureRules rules)
{
    public sealed class Bucket
    {
        public long Sum;
        public int Active;

        /// <summary>Grows with every change, so a ranking built from the bucket's period knows when it is stale.</summary>
        public long Changes;
    }

    private readonly Dictionary<(Period, int), Bucket> _buckets = [];
    private readonly int[] _floors = [int.MinValue, int.MinValue, int.MinValue];
    // The bucket each period last added to: nearly every report counts in the current day, month and year, and a
    // report is added and taken away in each, so most additions skip the look-up. A bucket forgotten below the floor
    // may stay here, but an addition below the floor stops before it looks.
    private readonly (int Key, Bucket? Bucket)[] _lastAdded = new (int, Bucket?)[3];

    public Bucket? Find(Period period, int key) => _buckets.GetValueOrDefault((period, key));

    /// <summary>Adds (<paramref name="sign"/> 1) or takes away (−1) one member's score in one period.</summary>
    public void Add(Period period, int key, int score, int sign)
    {
        if (score == 0 || key < _floors[(int)period])
        {
            return;
        }
        ref var last = ref _lastAdded[(int)period];
        var bucket = last.Bucket is not null && last.Key == key ? last.Bucket : null;
        if (bucket is null)
        {
            if (!_buckets.TryGetValue((period, key), out bucket))
            {
                _buckets[(period, key)] = bucket = new Bucket();
            }
            last = (key, bucket);
        }
        bucket.Sum += sign * score;
        if (score >= rules.ThresholdOf(period)) bucket.Active += sign;
        bucket.Changes++;
    }

    /// <summary>Forgets periods before the floors and ignores them from now on.</summary>
    public void ForgetBefore(Period period, int firstKept)
    {
        if (firstKept <= _floors[(int)period])
        {
            return;
        }
        _floors[(int)period] = firstKept;
        foreach (var key in _buckets.Keys.Where(k => k.Item1 == period && k.Item2 < firstKept).ToList())
        {
            _buckets.Remove(key);
        }
    }

    public PeriodFigures Figures(Period period, int key, int members)
    {
        var bucket = Find(period, key);
        var sum = bucket?.Sum ?? 0;
        var active = rules.ThresholdOf(period) <= 0 ? members : bucket?.Active ?? 0;
        return members == 0
            ? new PeriodFigures(sum, 0, active, 0)
            : new PeriodFigures(sum, (double)sum / members, active, (double)active / members);
    }
}
