namespace ZhijiangLive.Scoring.Events;

/// <summary>The client an event came from; mobile points feed the rubrics' mobile share.</summary>
public enum ClientKind
{
    Unspecified = 0,
    Pc = 1,
    Mobile = 2,
    Web = 3,
}
