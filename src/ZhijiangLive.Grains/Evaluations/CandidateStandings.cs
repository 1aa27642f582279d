using ZhijiangLive.Scoring.Rubrics;
using ZhijiangLive.Scoring.Rubrics.Sheets;

namespace ZhijiangLive.Grains.Evaluations;

/// <summary>
/// Every candidate's sheet of one rubric and year, ranked in the province (award tiers are by share of all
/// of them), and the registrations they count from.
/// </summary>
public sealed record CandidateStandings(
    Rubric Rubric,
    int Year,
    IReadOnlyList<RubricSheet> Sheets,
    IReadOnlyDictionary<string, CandidateRegistration> Registrations)
{
    public RubricSheet? SheetOf(string teacherId) => Sheets.FirstOrDefault(s => s.TeacherId == teacherId);

    /// <summary>
    /// The candidates <paramref name="inScope"/> takes, in province order, each with its rank among them
    /// (ties share a rank, as in the province) beside its province rank.
    /// </summary>
    public IReadOnlyList<ScopedStanding> Within(Func<string, bool> inScope)
    {
        var scoped = new List<ScopedStanding>();
        foreach (var sheet in Sheets.Where(s => inScope(s.TeacherId)))
        {
            var rank = scoped.Count > 0 && scoped[^1].Sheet.Total == sheet.Total ? scoped[^1].Rank : scoped.Count + 1;
            scoped.Add(new ScopedStanding(rank, sheet));
        }
        return scoped;
    }
}

/// <summary>A candidate's rank within a city or county, and its sheet (which holds the province rank).</summary>
public sealed record ScopedStanding(int Rank, RubricSheet Sheet);
