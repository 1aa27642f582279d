namespace ZhijiangLive.LoadTests.Traffic;

/// <summary>Every kind of activity the contract carries (the <c>body</c> oneof of <c>ActivityEvent</c>).</summary>
public enum EventKind { Login, Profile, Mobile, Spread, Reviewed, Deleted, Teaching, TaskPublished, Engagement, Interaction, App }
