namespace ZhijiangLive.Grains.Runtime;

/// <summary>
/// A grain's identity: its kind (which registered factory makes it) and its key within that kind.
/// </summary>
public readonly record struct GrainId(string Kind, string Key)
{
    public override string ToString() => $"{Kind}/{Key}";
}
