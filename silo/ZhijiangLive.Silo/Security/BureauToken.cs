namespace ZhijiangLive.Silo.Security;

/// <summary>What a bureau token says: the region it may read, when it stops working, and an id for the audit log.</summary>
public sealed record BureauToken(string RegionId, DateTimeOffset Expires, string Id);
