using System.Globalization;
using ZhijiangLive.Grains;
using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Ranking;
using ZhijiangLive.Grains.Regions;
using ZhijiangLive.Silo.Security;
using static ZhijiangLive.Silo.Api.QueryParameters;

namespace ZhijiangLive.Silo.Api;

/// <summary>
/// The read side over HTTP and JSON, for browsers and curl: teachers and their ledgers, schools, regions
/// and rankings, for a bureau token's region and what lies under it (see <see cref="ApiGuard"/>).
/// Errors are RFC 7807 problem documents.
/// </summary>
public static class QueryApi
{
    public static RouteGroupBuilder MapQueryApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireBureau();
        api.MapGet("/session", GetSession);
        api.MapGet("/teachers/{id}", GetTeacher).InScope(ScopeKind.Teacher, "id", "teacher");
        api.MapGet("/teachers/{id}/ledger", ExplainTeacher).InScope(ScopeKind.Teacher, "id", "teacher");
        api.MapGet("/schools/{id}", (string id, string? date, ZhijiangCluster cluster) =>
            GetGroup("school", id, date, cluster.GetSchoolAsync)).InScope(ScopeKind.School, "id", "school");
        api.MapGet("/regions/{id}", (string id, string? date, ZhijiangCluster cluster) =>
            GetGroup("region", id, date, cluster.GetRegionAsync)).InScope(ScopeKind.Region, "id", "region");
        api.MapGet("/leaderboards/{scopeId}", GetLeaderboard)
            .InScope(ScopeKind.RankingScope, "scopeId", "scope")
            .InScope(ScopeKind.RankingScope, "around", "member", orTeacher: true);
        api.MapGet("/shortlists/{cityId}", GetShortlist).InScope(ScopeKind.Region, "cityId", "city");
        return api;
    }

    /// <summary>Who the token speaks for: its region and expiry, so that the dashboard can tell a good token from a refused one.</summary>
    private static IResult GetSession(HttpContext context, ZhijiangCluster cluster)
    {
        var principal = PrincipalClaims.PrincipalOf(context.User)!;
        var regionId = principal.RegionId!;
        return Results.Ok(new SessionDto(regionId, cluster.Roster.Region(regionId)?.Name, principal.Expires?.ToString("O", CultureInfo.InvariantCulture)));
    }

    private static async Task<IResult> GetTeacher(string id, string? date, ZhijiangCluster cluster)
    {
        if (!TryDate(date, out var day, out var problem))
        {
            return BadRequest(problem!);
        }
        if (await cluster.GetTeacherAsync(id, day) is not { } view)
        {
            return NotFound("teacher", id);
        }
        var s = view.Scores;
        return Results.Ok(new TeacherDto(
            view.Entry.Id, view.Entry.Name, view.Entry.SchoolId, view.Entry.Locked, Format(s.Date),
            s.Day.Points, s.Month.Points, s.Year.Points, s.Day.ByRule, s.Month.ByRule, s.Year.ByRule,
            s.LoginStreak, s.ActiveDay, s.ActiveMonth, s.ActiveYear));
    }

    private static async Task<IResult> ExplainTeacher(string id, string? date, ZhijiangCluster cluster)
    {
        if (!TryDate(date, out var day, out var problem))
        {
            return BadRequest(problem!);
        }
        if (await cluster.ExplainTeacherAsync(id, day) is not { } ledger)
        {
            return NotFound("teacher", id);
        }
        var entries = ledger.Entries.Select(e => new LedgerEntryDto(e.EventId, e.Rule, e.Points, Format(e.Day), e.Note)).ToList();
        return Results.Ok(new LedgerDto(id, Format(ledger.Date), ledger.Kept, ledger.Complete, entries));
    }

    private static async Task<IResult> GetGroup(string kind, string id, string? date, Func<string, DateOnly?, Task<GroupView?>> get)
    {
        if (!TryDate(date, out var day, out var problem))
        {
            return BadRequest(problem!);
        }
        return await get(id, day) is { } view ? Results.Ok(ToDto(view)) : NotFound(kind, id);
    }

    private static async Task<IResult> GetLeaderboard(
        string scopeId, string? kind, string? period, string? date, int? limit, int? offset, string? around, ZhijiangCluster cluster, HttpContext context)
    {
        if (!TryKind(kind, out var rankingKind, out var problem)
            || !TryPeriod(period, out var rankingPeriod, out problem)
            || !TryDate(date, out var day, out problem))
        {
            return BadRequest(problem!);
        }
        var request = new RankingRequest(scopeId, rankingKind, rankingPeriod, day, offset ?? 0, limit ?? 10, around);
        if (request.Problem() is { } invalid)
        {
            return BadRequest(invalid);
        }
        RankingPage? page;
        try
        {
            page = await cluster.GetRankingAsync(request);
        }
        catch (ArgumentException e)
        {
            return BadRequest(e.Message);
        }
        if (page is null)
        {
            return NotFound("scope", scopeId);
        }
        var entries = page.Entries.Select(e => new LeaderboardEntryDto(e.Rank, e.Id, NameFor(cluster, context, e.Id), e.Score)).ToList();
        return Results.Ok(new LeaderboardDto(entries, page.Total, page.Provisional));
    }

    /// <summary>A city's quota shortlist (SPEC §6): <c>kind</c> is teacher-spaces (the default), digital-schools or club-spaces.</summary>
    private static async Task<IResult> GetShortlist(string cityId, string? kind, ZhijiangCluster cluster, HttpContext context)
    {
        ShortlistKind? shortlist = (kind ?? "teacher-spaces") switch
        {
            "teacher-spaces" => ShortlistKind.TeacherSpaces,
            "digital-schools" => ShortlistKind.DigitalSchools,
            "club-spaces" => ShortlistKind.ClubSpaces,
            _ => null,
        };
        if (shortlist is null)
        {
            return BadRequest($"kind '{kind}' is not one of teacher-spaces, digital-schools, club-spaces");
        }
        if (cluster.Roster.Region(cityId) is not { Level: Grains.Roster.RegionLevel.City })
        {
            return NotFound("city", cityId);
        }
        var page = (await cluster.GetShortlistAsync(cityId, shortlist.Value))!;
        var entries = page.Entries.Select(e => new LeaderboardEntryDto(e.Rank, e.Id, NameFor(cluster, context, e.Id), e.Score)).ToList();
        return Results.Ok(new LeaderboardDto(entries, page.Total, page.Provisional));
    }

    /// <summary>
    /// A ranked member's name; a teacher's only when the token's region contains the teacher (one who moved
    /// away since the ranking was last computed stays nameless).
    /// </summary>
    private static string NameFor(ZhijiangCluster cluster, HttpContext context, string id)
    {
        var roster = cluster.Roster;
        return roster.Teacher(id) is null || roster.MayRead(PrincipalClaims.PrincipalOf(context.User)!, ScopeKind.Teacher, id)
            ? roster.NameOf(id)
            : "";
    }

    private static GroupDto ToDto(GroupView view) => new(
        view.Id, view.Name, Format(view.Date), view.Teachers,
        ToDto(view.Day), ToDto(view.Month), ToDto(view.Year), view.Schools, view.SchoolsMeetingTargets);

    private static PeriodFiguresDto ToDto(PeriodFigures f) => new(f.Total, f.Mean, f.Active, f.ActiveRatio);

    private static IResult BadRequest(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "invalid request");

    private static IResult NotFound(string kind, string id) =>
        Results.Problem($"no {kind} '{id}' on the roster", statusCode: StatusCodes.Status404NotFound, title: "not found");
}
