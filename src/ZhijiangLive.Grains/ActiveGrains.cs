namespace ZhijiangLive.Grains;

/// <summary>How many teacher, school and region grains are active in this silo, for metrics and benchmarks.</summary>
public sealed class ActiveGrains
{
    private long _teachers;
    private long _groups;

    public long Teachers => Interlocked.Read(ref _teachers);
    public long Total => Teachers + Interlocked.Read(ref _groups);

    internal void TeacherActivated() => Interlocked.Increment(ref _teachers);
    internal void TeacherDeactivated() => Interlocked.Decrement(ref _teachers);
    internal void GroupActivated() => Interlocked.Increment(ref _groups);
    internal void GroupDeactivated() => Interlocked.Decrement(ref _groups);
}
