using Orleans;

namespace ZhijiangLive.Grains.Regions;

/// <summary>The quota shortlists of a city (SPEC §6): its best teacher spaces, and its best schools for two awards.</summary>
[GenerateSerializer, Alias("zl.ShortlistKind")]
public enum ShortlistKind
{
    TeacherSpaces = 0,
    DigitalSchools = 1,
    ClubSpaces = 2,
}
