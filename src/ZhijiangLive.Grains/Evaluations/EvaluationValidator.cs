using ZhijiangLive.Grains.Roster;
using ZhijiangLive.Scoring.Rubrics;

namespace ZhijiangLive.Grains.Evaluations;

/// <summary>Checks registrations and expert scores against the rubrics and the roster, as roster entries are checked.</summary>
internal static class EvaluationValidator
{
    public static string? Problem(CandidateRegistration registration, RosterDirectory directory, IReadOnlyDictionary<string, Rubric> rubrics)
    {
        if (!rubrics.ContainsKey(registration.RubricId ?? "")) return $"rubric '{registration.RubricId}' is unknown (known: {string.Join(", ", rubrics.Keys)})";
        if (registration.Year is < 2000 or > 9999) return $"year {registration.Year} is not a year";
        if (directory.Teacher(registration.TeacherId ?? "") is null) return $"teacher '{registration.TeacherId}' is not on the roster";
        if (registration.Withdrawn && directory.Candidates.Find(registration.RubricId!, registration.Year, registration.TeacherId!) is null)
        {
            return $"teacher '{registration.TeacherId}' is not a candidate of {registration.RubricId} {registration.Year}";
        }
        return null;
    }

    public static string? Problem(ExpertScore score, RosterDirectory directory, IReadOnlyDictionary<string, Rubric> rubrics)
    {
        if (!rubrics.TryGetValue(score.RubricId ?? "", out var rubric)) return $"rubric '{score.RubricId}' is unknown";
        if (directory.Candidates.Find(score.RubricId!, score.Year, score.TeacherId ?? "") is null)
        {
            return $"teacher '{score.TeacherId}' is not a candidate of {score.RubricId} {score.Year}";
        }
        if (rubric.Item(score.ItemId ?? "") is not { } item) return $"{rubric.Id} has no item '{score.ItemId}'";
        if (item.Parts.FirstOrDefault(p => p.Expert) is not { } part) return $"item '{item.Id}' is measured, not scored by experts";
        var max = part.Max ?? item.Cap;
        if (score.Points < 0 || score.Points > max) return $"item '{item.Id}' takes 0 to {max} points, not {score.Points}";
        return decimal.Round(score.Points, 2) != score.Points ? "points have at most two decimals" : null;
    }
}
