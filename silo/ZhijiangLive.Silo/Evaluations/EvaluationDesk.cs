using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Evaluations;
using ZhijiangLive.Scoring.Rubrics;
using ZhijiangLive.Scoring.Time;
using ZhijiangLive.Silo.Cluster;
using ZhijiangLive.Silo.Security;
using V1 = ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Silo.Evaluations;

/// <summary>
/// What a bureau does with the evaluation rubrics, whether it asks over gRPC or JSON: registers candidates
/// (报名) and enters expert scores for teachers in its region, journaled with the roster and naming the
/// principal, and reads sheets and rankings of its region. A request with an entry outside the token's
/// region is refused whole; entries the rubric or the roster refuse come back as rejections.
/// </summary>
public sealed class EvaluationDesk(ZhijiangCluster cluster, IngestRouter router, AuditLog audit)
{
    public IReadOnlyDictionary<string, Rubric> Rubrics => cluster.Services.Rubrics;

    /// <param name="via">How the caller came (<c>grpc</c>, <c>http</c>), for the audit trail.</param>
    public async Task<V1.RosterReply> RegisterAsync(Principal caller, string via, IReadOnlyList<V1.Candidate> candidates)
    {
        var now = cluster.Services.Time.GetUtcNow();
        var today = cluster.Services.Today;
        var batch = new V1.RosterBatch();
        foreach (var candidate in candidates)
        {
            AuthorizeTeacher(caller, via, candidate.TeacherId);
            var entered = candidate.Clone();
            entered.RegisteredBy = caller.Name;
            if (!entered.Withdrawn)
            {
                entered.From ??= Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now);
                var fromDay = cluster.Services.Calendar.DayOf(entered.From.ToDateTimeOffset());
                if (fromDay < today)
                {
                    throw Invalid($"teacher '{candidate.TeacherId}': from {DateOnly.FromDayNumber(fromDay):yyyy-MM-dd} is before today; figures count from today at the earliest");
                }
                if (ZoneCalendar.YearOf(fromDay) != candidate.Year)
                {
                    throw Invalid($"teacher '{candidate.TeacherId}': from {DateOnly.FromDayNumber(fromDay):yyyy-MM-dd} is not in {candidate.Year}, the year the candidate is registered for");
                }
            }
            batch.Candidates.Add(entered);
        }
        var reply = await router.UpsertRosterAsync(batch).ConfigureAwait(false);
        AuditTaken(caller, via, batch.Candidates, reply, c => c.TeacherId, c => $"{(c.Withdrawn ? "withdrawal" : "registration")} {c.RubricId} {c.Year}");
        return reply;
    }

    public async Task<V1.RosterReply> ScoreAsync(Principal caller, string via, IReadOnlyList<V1.ExpertScore> scores)
    {
        var batch = new V1.RosterBatch();
        foreach (var score in scores)
        {
            AuthorizeTeacher(caller, via, score.TeacherId);
            if (!double.IsFinite(score.Points) || Math.Abs(score.Points) > 1_000)
            {
                throw Invalid($"teacher '{score.TeacherId}': {score.Points} is not a number of points");
            }
            var entered = score.Clone();
            entered.ScoredBy = caller.Name;
            batch.ExpertScores.Add(entered);
        }
        var reply = await router.UpsertRosterAsync(batch).ConfigureAwait(false);
        AuditTaken(caller, via, batch.ExpertScores, reply, s => s.TeacherId, s => $"expert score {s.RubricId} {s.Year} {s.ItemId}={s.Points}");
        return reply;
    }

    /// <summary>One candidate's sheet, ranked in the province.</summary>
    public async Task<CandidateSheet> SheetAsync(Principal caller, string via, string rubricId, int year, string teacherId)
    {
        AuthorizeTeacher(caller, via, teacherId);
        var standings = await StandingsAsync(rubricId, year).ConfigureAwait(false);
        if (standings.SheetOf(teacherId) is not { } sheet)
        {
            throw new EvaluationRefusedException(EvaluationRefusal.NotFound, $"teacher '{teacherId}' is not a candidate of {rubricId} {year}");
        }
        audit.Read(caller, via, ScopeKind.Teacher, teacherId);
        return new CandidateSheet(standings, sheet);
    }

    /// <summary>The candidates in <paramref name="regionId"/> (the token's own region when null), ranked among them.</summary>
    public async Task<RegionStandings> RankingAsync(Principal caller, string via, string rubricId, int year, string? regionId)
    {
        var region = string.IsNullOrEmpty(regionId) ? caller.RegionId! : regionId;
        if (!cluster.Roster.MayRead(caller, ScopeKind.Region, region))
        {
            audit.Refused(caller, via, $"evaluation ranking of region '{region}' is outside region {caller.RegionId} or not on the roster");
            throw new EvaluationRefusedException(EvaluationRefusal.OutOfScope, $"region '{region}' is outside this token's region");
        }
        var standings = await StandingsAsync(rubricId, year).ConfigureAwait(false);
        audit.Read(caller, via, ScopeKind.Region, region);
        return new RegionStandings(standings, region, standings.Within(t => cluster.Roster.ContainsTeacher(region, t)));
    }

    public string NameOf(string id) => cluster.Roster.NameOf(id);

    public string SchoolOf(string teacherId) => cluster.Roster.Teacher(teacherId)?.SchoolId ?? "";

    private async Task<CandidateStandings> StandingsAsync(string rubricId, int year) =>
        await cluster.StandingsAsync(rubricId, year).ConfigureAwait(false)
        ?? throw new EvaluationRefusedException(EvaluationRefusal.NotFound, $"rubric '{rubricId}' is unknown (known: {string.Join(", ", Rubrics.Keys)})");

    private void AuthorizeTeacher(Principal caller, string via, string teacherId)
    {
        if (!cluster.Roster.MayRead(caller, ScopeKind.Teacher, teacherId))
        {
            audit.Refused(caller, via, $"evaluation entry for teacher '{teacherId}' is outside region {caller.RegionId} or not on the roster");
            throw new EvaluationRefusedException(EvaluationRefusal.OutOfScope, $"teacher '{teacherId}' is outside this token's region; nothing of this request was taken");
        }
    }

    private void AuditTaken<T>(Principal caller, string via, IList<T> entries, V1.RosterReply reply, Func<T, string> teacherOf, Func<T, string> describe)
    {
        var refused = reply.Rejections.Select(r => r.Index).ToHashSet();
        for (var i = 0; i < entries.Count; i++)
        {
            if (!refused.Contains(i))
            {
                audit.Wrote(caller, via, describe(entries[i]), teacherOf(entries[i]));
            }
        }
    }

    private static EvaluationRefusedException Invalid(string reason) => new(EvaluationRefusal.Invalid, $"{reason}; nothing of this request was taken");
}

/// <summary>A candidate's sheet with the standings it was ranked in.</summary>
public sealed record CandidateSheet(CandidateStandings Standings, Scoring.Rubrics.Sheets.RubricSheet Sheet);

/// <summary>The standings of a rubric and year, and the candidates of one region among them.</summary>
public sealed record RegionStandings(CandidateStandings Standings, string RegionId, IReadOnlyList<ScopedStanding> Entries);
