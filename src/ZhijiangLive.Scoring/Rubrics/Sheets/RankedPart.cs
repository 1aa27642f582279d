namespace ZhijiangLive.Scoring.Rubrics.Sheets;

/// <summary>
/// A part scored by rank (年度经验值 按排名给分): candidates ranked by the measure, ties sharing a rank, fall
/// into equal bands; band b of B earns max × (B − b) / B. A candidate whose measure is 0 earns nothing.
/// </summary>
internal sealed class RankedPart
{
    private readonly RubricPart _part;
    private readonly decimal _max;
    private readonly int _bands;
    private readonly long[] _valuesDescending;

    public RankedPart(RubricPart part, decimal max, IReadOnlyCollection<CandidateFigures> candidates)
    {
        _part = part;
        _max = max;
        _bands = part.ByRank!.Bands;
        _valuesDescending = candidates.Select(c => c.ValueOf(part.MeasureRef!.Value)).OrderDescending().ToArray();
    }

    public SheetPart Score(CandidateFigures candidate)
    {
        var value = candidate.ValueOf(_part.MeasureRef!.Value);
        if (PartScoring.FirstUnmet(_part.Requires, candidate) is { } unmet)
        {
            return new SheetPart(_part.Measure, value, 0, _max, false, false, unmet);
        }
        if (value <= 0)
        {
            return new SheetPart(_part.Measure, value, 0, _max, false, false, new MissingToNext(_part.Measure!, 1 - value));
        }
        var band = BandOf(RankOf(value));
        var points = decimal.Round(_max * (_bands - band) / _bands, 2, MidpointRounding.ToZero);
        return new SheetPart(_part.Measure, value, points, _max, false, false, band == 0 ? null : ToBetterBand(band, value));
    }

    /// <summary>1 + how many candidates have more.</summary>
    private int RankOf(long value)
    {
        var better = 0;
        while (better < _valuesDescending.Length && _valuesDescending[better] > value) better++;
        return better + 1;
    }

    private int BandOf(int rank) => (int)((long)(rank - 1) * _bands / _valuesDescending.Length);

    /// <summary>
    /// Reaching the last value of the nearest better band shares its rank, so that is what is missing. With
    /// fewer candidates than bands some bands hold nobody, hence "nearest" rather than "the one above".
    /// </summary>
    private MissingToNext ToBetterBand(int band, long value)
    {
        var lastOfBetterBand = _valuesDescending.Where((_, i) => BandOf(i + 1) < band).Min();
        return new MissingToNext(_part.Measure!, Math.Max(1, lastOfBetterBand - value));
    }
}
