namespace ZhijiangLive.Scoring.State;

/// <summary>A learning task on its way to (or past) its 10th distinct student.</summary>
public sealed class TaskRecord
{
    public bool Published { get; set; }

    /// <summary>Distinct students who read or completed it.</summary>
    public HashSet<string>? Students { get; set; }

    public int LastActivityDay { get; set; }
}
