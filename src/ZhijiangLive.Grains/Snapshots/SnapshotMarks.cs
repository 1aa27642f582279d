namespace ZhijiangLive.Grains.Snapshots;

/// <summary>
/// What a grain's state knows about the journal and its own snapshots. Not part of the snapshot bytes: the
/// position and version travel beside them, and a restored state starts clean.
/// </summary>
public sealed class SnapshotMarks
{
    /// <summary>Changed since its last snapshot.</summary>
    public bool Dirty { get; set; }

    /// <summary>The highest journal position applied to the state.</summary>
    public long Applied { get; private set; }

    /// <summary>Every journal position up to this one is in the state: replay passes over them.</summary>
    public long Covered { get; private set; }

    /// <summary>The version of the last snapshot taken; each new one is higher.</summary>
    public long Version { get; private set; }

    /// <summary>The highest journal position handed to this grain since it activated, applied or refused.</summary>
    public long Handled { get; private set; }

    /// <summary>
    /// Whether the state holds the event at <paramref name="position"/>: every position up to the snapshot's,
    /// and every one up to the last handed, since a grain gets its events in journal order.
    /// </summary>
    public bool Includes(long position) => position <= Holds;

    /// <summary>The journal position up to which the state holds every one of this grain's events.</summary>
    public long Holds => Math.Max(Covered, Math.Max(Applied, Handled));

    /// <summary>An event was handed to the grain, whatever became of it: a refusal holds it too (it would be refused again).</summary>
    public void Handle(long position) => Handled = Math.Max(Handled, position);

    public void Apply(long position)
    {
        Dirty = true;
        Applied = Math.Max(Applied, position);
    }

    /// <summary>
    /// Marks a snapshot taken now, at cut <paramref name="cut"/>: the state includes every position up to the
    /// cut (everything sent before the cut was handled first) and every position it applied after it.
    /// </summary>
    public (long Version, long Covered) Take(long cut)
    {
        Dirty = false;
        Covered = Math.Max(Holds, cut);
        return (++Version, Covered);
    }

    /// <summary>For a state restored from a snapshot of <paramref name="version"/> covering <paramref name="covered"/>.</summary>
    public void Restore(long version, long covered)
    {
        Version = version;
        Covered = covered;
        Applied = covered;
        Dirty = false;
    }
}
