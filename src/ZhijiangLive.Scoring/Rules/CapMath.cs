namespace ZhijiangLive.Scoring.Rules;

internal static class CapMath
{
    /// <summary>The part of <paramref name="points"/> that still fits under <paramref name="cap"/> after <paramref name="used"/>.</summary>
    public static int Fit(int points, int used, int cap) => Math.Max(0, Math.Min(points, cap - used));
}
