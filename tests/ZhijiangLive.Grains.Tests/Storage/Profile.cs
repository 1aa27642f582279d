namespace ZhijiangLive.Grains.Tests.Storage;

/// <summary>A grain state with records nested in it, so that storage round-trips more than one flat object.</summary>
[GenerateSerializer]
public sealed class Profile
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public int Points { get; set; }
    [Id(2)] public Place? Home { get; set; }
    [Id(3)] public List<Badge> Badges { get; set; } = [];
}

[GenerateSerializer]
public sealed record Place([property: Id(0)] string City, [property: Id(1)] string County);

[GenerateSerializer]
public sealed record Badge([property: Id(0)] string Title, [property: Id(1)] DateTimeOffset EarnedAt, [property: Id(2)] Place? Where);

/// <summary>What a <see cref="IProfileGrain"/> holds right now, as its <see cref="IPersistentState{T}"/> sees it.</summary>
[GenerateSerializer]
public sealed record StoredProfile([property: Id(0)] Profile State, [property: Id(1)] bool RecordExists, [property: Id(2)] string? ETag);
