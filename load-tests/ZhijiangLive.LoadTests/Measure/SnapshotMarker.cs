namespace ZhijiangLive.LoadTests.Measure;

/// <summary>A second in which the silo wrote <paramref name="Rounds"/> snapshot rounds, for the charts' marker.</summary>
public sealed record SnapshotMarker(double Second, long Rounds)
{
    public string Label => Rounds == 1 ? "snapshot round" : $"{Rounds} snapshot rounds";
}
