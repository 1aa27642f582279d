using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Roster;

namespace ZhijiangLive.Grains.Schools;

public sealed class SchoolGrainState(MemberTable members)
{
    public SchoolEntry? Entry { get; set; }
    public MemberTable Members { get; } = members;

    /// <summary>The history's count of closings when it was last snapshotted.</summary>
    public long HistoryWritten { get; set; }
}
