using Orleans;

namespace ZhijiangLive.Grains.Regions;

/// <summary>A school announced up the tree, so every region ranks it from the start, with 0 teachers if need be.</summary>
[GenerateSerializer, Alias("zl.SchoolRegistration")]
public readonly record struct SchoolRegistration(string SchoolId, string CountyId, string? CityId);
