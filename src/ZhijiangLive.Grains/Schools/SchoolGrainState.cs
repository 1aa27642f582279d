using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Roster;

namespace ZhijiangLive.Grains.Schools;

public sealed class SchoolGrainState(MemberTable members)
{
    public SchoolEntry? Entry { get; set; }
    public MemberTable Members { get; } = members;
}
