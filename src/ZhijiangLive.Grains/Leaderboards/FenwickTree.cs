using System.Numerics;

namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>Counts per index (0-based) with prefix sums and "which index holds the k-th item" in O(log n).</summary>
internal sealed class FenwickTree
{
    private readonly int[] _tree;

    /// <summary>Builds the tree over <paramref name="counts"/> in O(n).</summary>
    public FenwickTree(ReadOnlySpan<int> counts)
    {
        _tree = new int[counts.Length + 1];
        for (var i = 1; i < _tree.Length; i++)
        {
            _tree[i] += counts[i - 1];
            var parent = i + (i & -i);
            if (parent < _tree.Length)
            {
                _tree[parent] += _tree[i];
            }
        }
    }

    public int Length => _tree.Length - 1;

    public void Add(int index, int delta)
    {
        for (var i = index + 1; i < _tree.Length; i += i & -i)
        {
            _tree[i] += delta;
        }
    }

    /// <summary>The sum of counts at indexes 0..<paramref name="index"/> inclusive.</summary>
    public int PrefixSum(int index)
    {
        var sum = 0;
        for (var i = index + 1; i > 0; i -= i & -i)
        {
            sum += _tree[i];
        }
        return sum;
    }

    /// <summary>The smallest index whose prefix sum exceeds <paramref name="position"/>: where the item at that 0-based position lies.</summary>
    public int IndexOfPosition(int position)
    {
        var found = 0;
        var remaining = position;
        for (var step = Length == 0 ? 0 : 1 << BitOperations.Log2((uint)Length); step > 0; step >>= 1)
        {
            var next = found + step;
            if (next < _tree.Length && _tree[next] <= remaining)
            {
                found = next;
                remaining -= _tree[next];
            }
        }
        return found;
    }
}
