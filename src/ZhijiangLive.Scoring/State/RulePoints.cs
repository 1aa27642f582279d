using System.Runtime.CompilerServices;

namespace ZhijiangLive.Scoring.State;

/// <summary>Points per rule, indexed as <see cref="RuleIds.All"/>; stored inline, no array allocation.</summary>
[InlineArray(RuleIds.Count)]
public struct RulePoints
{
    private int _first;
}
