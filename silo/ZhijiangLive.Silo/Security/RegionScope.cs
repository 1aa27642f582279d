using ZhijiangLive.Grains.Roster;

namespace ZhijiangLive.Silo.Security;

/// <summary>
/// What a bureau may see: its region and everything under it, looked up in the live roster. An id that is
/// not on the roster is outside every scope, so an answer never tells whether an id exists.
/// </summary>
public static class RegionScope
{
    public static bool ContainsRegion(this RosterDirectory roster, string scopeRegionId, string regionId)
    {
        // Regions are at most three levels deep; the bound guards against a cycle all the same.
        for (var (current, depth) = (roster.Region(regionId), 0); current is not null && depth < 8; current = current.ParentId is { } parent ? roster.Region(parent) : null, depth++)
        {
            if (current.Id == scopeRegionId)
            {
                return true;
            }
        }
        return false;
    }

    public static bool ContainsSchool(this RosterDirectory roster, string scopeRegionId, string schoolId) =>
        roster.School(schoolId) is { } school && roster.ContainsRegion(scopeRegionId, school.CountyId);

    public static bool ContainsTeacher(this RosterDirectory roster, string scopeRegionId, string teacherId) =>
        roster.Teacher(teacherId) is { } teacher && roster.ContainsSchool(scopeRegionId, teacher.SchoolId);

    /// <summary>A ranking's scope: a region or a school.</summary>
    public static bool ContainsScope(this RosterDirectory roster, string scopeRegionId, string id) =>
        roster.ContainsRegion(scopeRegionId, id) || roster.ContainsSchool(scopeRegionId, id);

    /// <summary>Whether a principal may read the region, school or teacher <paramref name="id"/>.</summary>
    public static bool MayRead(this RosterDirectory roster, Principal principal, ScopeKind kind, string id) =>
        principal is { Kind: PrincipalKind.Bureau, RegionId: { } scope } && kind switch
        {
            ScopeKind.Region => roster.ContainsRegion(scope, id),
            ScopeKind.School => roster.ContainsSchool(scope, id),
            ScopeKind.Teacher => roster.ContainsTeacher(scope, id),
            _ => roster.ContainsScope(scope, id),
        };
}

public enum ScopeKind
{
    Region,
    School,
    Teacher,
    /// <summary>A region or a school, as a ranking's scope.</summary>
    RankingScope,
}
