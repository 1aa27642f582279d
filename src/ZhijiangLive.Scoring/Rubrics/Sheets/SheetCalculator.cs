namespace ZhijiangLive.Scoring.Rubrics.Sheets;

/// <summary>
/// Every candidate's sheet in one rubric, ranked: the parts scored by rank need all candidates, and so does
/// the ranking by total and the award tiers. Ties share a rank (1, 2, 2, 4) and are listed by id (SPEC §6).
/// </summary>
public static class SheetCalculator
{
    public static IReadOnlyList<RubricSheet> Rank(Rubric rubric, IReadOnlyCollection<CandidateFigures> candidates)
    {
        var rankings = RankParts(rubric, candidates);
        var sheets = candidates.Select(c => (Candidate: c, Items: rubric.Items.Select(item => Item(item, c, rankings)).ToList()))
            .Select(s => (s.Candidate.TeacherId, s.Items, Total: Math.Min(rubric.Total, s.Items.Sum(i => i.Points))))
            .OrderByDescending(s => s.Total).ThenBy(s => s.TeacherId, StringComparer.Ordinal)
            .ToList();
        var result = new List<RubricSheet>(sheets.Count);
        for (var i = 0; i < sheets.Count; i++)
        {
            var rank = i > 0 && sheets[i].Total == sheets[i - 1].Total ? result[i - 1].Rank : i + 1;
            // An award takes points: candidates who have none share a rank but no tier, however many they are.
            var tier = sheets[i].Total > 0 ? TierOf(rubric, rank, sheets.Count) : null;
            result.Add(new RubricSheet(rubric.Id, sheets[i].TeacherId, sheets[i].Total, rank, tier, sheets[i].Items));
        }
        return result;
    }

    /// <summary>The tier of <paramref name="rank"/>: tier k holds the ranks up to its cumulative share of the candidates, rounded down.</summary>
    public static string? TierOf(Rubric rubric, int rank, int candidates)
    {
        var share = 0m;
        foreach (var tier in rubric.Tiers)
        {
            share += tier.Share;
            if (rank <= (int)Math.Floor(share * candidates))
            {
                return tier.Name;
            }
        }
        return null;
    }

    private static SheetItem Item(RubricItem item, CandidateFigures candidate, Dictionary<RubricPart, RankedPart> rankings)
    {
        var parts = item.Parts.Select(part => part.ByRank is null
                ? PartScoring.Score(item.Id, part, part.Max ?? item.Cap, candidate)
                : rankings[part].Score(candidate))
            .ToList();
        var points = Math.Min(item.Cap, parts.Sum(p => p.Points));
        var next = points >= item.Cap ? null : parts.Select(p => p.Next).FirstOrDefault(n => n is not null);
        var measured = parts.FirstOrDefault(p => p.Measured is not null)?.Measured;
        return new SheetItem(item.Id, item.Group, item.Name, item.Cap, points, measured, parts, next);
    }

    private static Dictionary<RubricPart, RankedPart> RankParts(Rubric rubric, IReadOnlyCollection<CandidateFigures> candidates) =>
        rubric.Items.SelectMany(item => item.Parts.Where(p => p.ByRank is not null).Select(p => (item, p)))
            .ToDictionary(x => x.p, x => new RankedPart(x.p, x.p.Max ?? x.item.Cap, candidates), (IEqualityComparer<RubricPart>)ReferenceEqualityComparer.Instance);
}
