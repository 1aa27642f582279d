namespace ZhijiangLive.Scoring.State;

/// <summary>A period no event can count in any more, reduced to what queries still ask of it.</summary>
public readonly record struct ClosedPeriod(int Key, int Total, int Mobile);
