using Orleans;

namespace ZhijiangLive.Grains.Roster;

// What the platform's roster says about each member of the organisation tree (SPEC §2).

[GenerateSerializer, Alias("zl.RegionEntry")]
public sealed record RegionEntry(string Id, string Name, RegionLevel Level, string? ParentId);

[GenerateSerializer, Alias("zl.SchoolEntry")]
public sealed record SchoolEntry(string Id, string Name, string CountyId);

[GenerateSerializer, Alias("zl.TeacherEntry")]
public sealed record TeacherEntry(string Id, string Name, string SchoolId, string Subject, bool Locked);
