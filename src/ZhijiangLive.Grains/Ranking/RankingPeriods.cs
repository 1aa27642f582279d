using ZhijiangLive.Grains.Periods;

namespace ZhijiangLive.Grains.Ranking;

internal static class RankingPeriods
{
    /// <summary>Live rankings exist for the current periods only; anything else is the caller's mistake.</summary>
    public static void ThrowUnlessCurrent(RankingRequest request, PeriodKeys current, int today)
    {
        var asked = PeriodKeys.Of(request.Date?.DayNumber ?? today);
        if (asked[request.Period] != current[request.Period])
        {
            throw new ArgumentException(
                $"only the current {request.Period.ToString().ToLowerInvariant()} is ranked live; closed months keep their school ranking");
        }
    }
}
