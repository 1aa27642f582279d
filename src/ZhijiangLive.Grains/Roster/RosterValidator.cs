namespace ZhijiangLive.Grains.Roster;

/// <summary>
/// Checks roster entries against the tree so far (and the entries before them in the same upsert):
/// levels nest province → city → county → school → teacher, and nothing is re-parented.
/// </summary>
internal static class RosterValidator
{
    public static string? Problem(RegionEntry entry, RosterDirectory directory)
    {
        if (string.IsNullOrEmpty(entry.Id)) return "region id is required";
        if (entry.Level == RegionLevel.Unspecified) return $"region '{entry.Id}' has no level";
        var existing = directory.Region(entry.Id);
        if (existing is not null && existing.Level != entry.Level) return $"region '{entry.Id}' cannot change level";
        if (existing is not null && existing.ParentId != entry.ParentId) return $"region '{entry.Id}' cannot move to another parent";
        if (entry.Level == RegionLevel.Province)
        {
            return string.IsNullOrEmpty(entry.ParentId) ? null : "a province has no parent";
        }
        var expectedParent = entry.Level == RegionLevel.City ? RegionLevel.Province : RegionLevel.City;
        return string.IsNullOrEmpty(entry.ParentId) ? $"region '{entry.Id}' needs a parent"
            : directory.Region(entry.ParentId) is not { } parent ? $"parent region '{entry.ParentId}' is unknown"
            : parent.Level != expectedParent ? $"the parent of a {Name(entry.Level)} must be a {Name(expectedParent)}"
            : null;
    }

    public static string? Problem(SchoolEntry entry, RosterDirectory directory)
    {
        if (string.IsNullOrEmpty(entry.Id)) return "school id is required";
        if (directory.School(entry.Id) is { } existing && existing.CountyId != entry.CountyId)
        {
            return $"school '{entry.Id}' cannot move to another county";
        }
        return directory.Region(entry.CountyId ?? "") is { Level: RegionLevel.County } ? null
            : $"county '{entry.CountyId}' is unknown";
    }

    public static string? Problem(TeacherEntry entry, RosterDirectory directory)
    {
        if (string.IsNullOrEmpty(entry.Id)) return "teacher id is required";
        return directory.School(entry.SchoolId ?? "") is null ? $"school '{entry.SchoolId}' is unknown" : null;
    }

    private static string Name(RegionLevel level) => level.ToString().ToLowerInvariant();
}
