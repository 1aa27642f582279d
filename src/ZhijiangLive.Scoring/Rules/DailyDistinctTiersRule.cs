using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Scoring.State;

namespace ZhijiangLive.Scoring.Rules;

/// <summary>
/// <c>interaction</c>: distinct counterparts in a day; reaching each tier's count pays that tier's
/// points, under the daily cap. Counterparts past the last tier are not remembered: they cannot pay.
/// </summary>
internal sealed class DailyDistinctTiersRule(DailyDistinctTiersSettings settings)
{
    public const int Index = 7;
    private readonly string _capNote = Notes.DailyCap(settings.DailyCap);
    private readonly int _lastTierAt = settings.Tiers.Count == 0 ? 0 : settings.Tiers[^1].At;
    private readonly string[] _progressNotes = BuildProgressNotes(settings.Tiers);

    public RuleDecision Decide(PeriodBucket day, string counterpartId)
    {
        var counterparts = day.EnsureWorking().Counterparts ??= new List<string>(4);
        if (counterparts.Contains(counterpartId, StringComparer.Ordinal))
        {
            return RuleDecision.Refuse(Notes.AlreadyCounted);
        }
        if (counterparts.Count >= _lastTierAt)
        {
            return RuleDecision.Refuse(_capNote);
        }
        counterparts.Add(counterpartId);
        var count = counterparts.Count;
        foreach (var tier in settings.Tiers)
        {
            if (tier.At == count)
            {
                var award = CapMath.Fit(tier.Points, day.Totals.Of(Index), settings.DailyCap);
                return award > 0 ? RuleDecision.Award(award) : RuleDecision.Refuse(_capNote);
            }
        }
        return new RuleDecision(0, _progressNotes[count]);
    }

    private static string[] BuildProgressNotes(IReadOnlyList<DistinctTier> tiers)
    {
        var last = tiers.Count == 0 ? 0 : tiers[^1].At;
        var notes = new string[last + 1];
        for (var count = 1; count <= last; count++)
        {
            var next = tiers.First(t => t.At >= count).At;
            notes[count] = $"{count} of {next} counterparts";
        }
        return notes;
    }
}
