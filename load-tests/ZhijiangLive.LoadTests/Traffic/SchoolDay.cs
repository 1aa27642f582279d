namespace ZhijiangLive.LoadTests.Traffic;

/// <summary>
/// The shape of a school day on the platform, by the hour in the service's zone: how busy it is relative to the
/// day's mean (<see cref="Density"/>, averaging 1 over 24 hours), and which kinds of activity make up the traffic
/// (<see cref="Mix"/>): the login peak before classes, teaching in the class periods, homework tasks and resource
/// sharing in the evening, quiet nights.
/// </summary>
public static class SchoolDay
{
    // (hour, relative busyness), linear between points; normalised below so the day's mean is 1.
    private static readonly (double Hour, double Level)[] Shape =
    [
        (0, 0.03), (5.5, 0.03), (6.5, 0.7), (7.25, 2.8), (7.75, 3.0), (8.25, 1.9), (11.5, 1.8), (12, 0.9), (13.25, 0.9),
        (13.75, 1.7), (16.5, 1.6), (17.25, 0.9), (18.5, 0.9), (19.25, 1.9), (20.75, 2.0), (21.75, 0.8), (22.5, 0.25), (24, 0.03),
    ];

    private static readonly double Mean = MeanOfShape();

    // Shares over a whole day, as EventMix's simulated teachers have them: spreads and interactions dominate.
    private static readonly double[] BaseMix = [6, 0.15, 8, 30, 0.3, 0.05, 6, 1.5, 16, 22, 10];

    /// <summary>How busy the hour <paramref name="hour"/> (0–24) is against the day's mean.</summary>
    public static double Density(double hour)
    {
        hour = ((hour % 24) + 24) % 24;
        for (var i = 1; i < Shape.Length; i++)
        {
            if (hour <= Shape[i].Hour)
            {
                var (h0, l0) = Shape[i - 1];
                var (h1, l1) = Shape[i];
                return (l0 + (l1 - l0) * (hour - h0) / (h1 - h0)) / Mean;
            }
        }
        return Shape[^1].Level / Mean;
    }

    /// <summary>Weights of each <see cref="EventKind"/> (indexed by it) at the hour <paramref name="hour"/>.</summary>
    public static double[] Mix(double hour)
    {
        hour = ((hour % 24) + 24) % 24;
        var w = (double[])BaseMix.Clone();
        bool Within(double from, double to) => hour >= from && hour < to;
        if (Within(6.5, 8.5)) w[(int)EventKind.Login] *= 6;
        if (Within(8, 11.75) || Within(13.5, 16.5))
        {
            w[(int)EventKind.Teaching] *= 3;
            w[(int)EventKind.Interaction] *= 1.5;
        }
        if (Within(18.5, 21.5))
        {
            w[(int)EventKind.Engagement] *= 3;
            w[(int)EventKind.Spread] *= 1.5;
            w[(int)EventKind.Login] *= 0.5;
        }
        if (hour < 6 || hour >= 22) w[(int)EventKind.Teaching] *= 0.05;
        return w;
    }

    private static double MeanOfShape()
    {
        double area = 0;
        for (var i = 1; i < Shape.Length; i++)
        {
            area += (Shape[i].Hour - Shape[i - 1].Hour) * (Shape[i].Level + Shape[i - 1].Level) / 2;
        }
        return area / 24;
    }
}
