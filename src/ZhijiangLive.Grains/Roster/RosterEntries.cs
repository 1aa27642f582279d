namespace ZhijiangLive.Grains.Roster;

// What the platform's roster says about each member of the organisation tree (SPEC §2).

public sealed record RegionEntry(string Id, string Name, RegionLevel Level, string? ParentId);

public sealed record SchoolEntry(string Id, string Name, string CountyId);

public sealed record TeacherEntry(string Id, string Name, string SchoolId, string Subject, bool Locked);
