using System.Diagnostics;
using Orleans;

namespace ZhijiangLive.Bench.TeacherCalls;

/// <summary>
/// An Orleans null grain's call rate: the engine's own ceiling on this machine. The references are made before
/// the clock starts, as the silo's grains keep theirs (GrainReferences), so the figure is the cost of the call and
/// not of building a proxy. Right after a silo starts, Orleans' call path still runs the JIT's first, unoptimised
/// code, and a first round of 100,000 calls measures that instead (a half to a tenth of the warm rate here); so
/// the figure is the median of three rounds that follow three rounds of warm-up, and the first round is kept beside it.
/// </summary>
internal static class NullGrainRate
{
    private const int Grains = 1_000;
    private const int Calls = 100_000;
    private const int WarmUpRounds = 3;
    private const int MeasuredRounds = 3;

    /// <summary>Awaited calls per second to 1,000 null grains with <paramref name="inFlight"/> unanswered.</summary>
    public static Task<NullGrainFigure> MeasureAsync(IGrainFactory grains, int inFlight = 256)
    {
        var references = References(grains);
        return RoundsAsync(() => CallRate.MeasureAsync(Calls, inFlight, i => references[i % references.Length].PingAsync(), CallRate.Settled));
    }

    /// <summary>
    /// One-way calls per second to the same grains, all sent at once and counted until the grains have run every
    /// one: what a call costs without its reply.
    /// </summary>
    public static Task<NullGrainFigure> MeasureOneWayAsync(IGrainFactory grains)
    {
        var references = References(grains);
        return RoundsAsync(async () =>
        {
            var target = NullGrain.Nudges + Calls;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Calls; i++)
            {
                await references[i % references.Length].NudgeAsync();
            }
            while (NullGrain.Nudges < target)
            {
                await Task.Delay(1);
            }
            return Calls / clock.Elapsed.TotalSeconds;
        });
    }

    private static async Task<NullGrainFigure> RoundsAsync(Func<Task<double>> round)
    {
        var first = await round();
        for (var i = 1; i < WarmUpRounds; i++)
        {
            await round();
        }
        var measured = new double[MeasuredRounds];
        for (var i = 0; i < measured.Length; i++)
        {
            measured[i] = await round();
        }
        Array.Sort(measured);
        return new NullGrainFigure(measured[MeasuredRounds / 2], first);
    }

    private static INullGrain[] References(IGrainFactory grains) =>
        [.. Enumerable.Range(0, Grains).Select(i => grains.GetGrain<INullGrain>(i))];
}

/// <summary>Calls per second once warm (the median of the measured rounds), and in the first round after the silo started.</summary>
internal readonly record struct NullGrainFigure(double Warm, double FirstRound)
{
    public override string ToString() => $"{Warm:N0} calls/s warm (first round after start {FirstRound:N0})";
}
