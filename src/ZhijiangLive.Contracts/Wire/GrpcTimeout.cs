namespace ZhijiangLive.Contracts.Wire;

/// <summary>The <c>grpc-timeout</c> header: 1 to 8 ASCII digits and a unit (H, M, S, m, u, n).</summary>
public static class GrpcTimeout
{
    public static bool TryParse(string? text, out TimeSpan timeout)
    {
        timeout = default;
        if (text is null || text.Length < 2 || text.Length > 9)
        {
            return false;
        }
        long value = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        long? ticks = text[^1] switch
        {
            'H' => value * TimeSpan.TicksPerHour,
            'M' => value * TimeSpan.TicksPerMinute,
            'S' => value * TimeSpan.TicksPerSecond,
            'm' => value * TimeSpan.TicksPerMillisecond,
            'u' => value * TimeSpan.TicksPerMicrosecond,
            // A tick is 100 ns; round nanoseconds up so that a positive timeout never becomes zero.
            'n' => (value + 99) / 100,
            _ => null,
        };
        if (ticks is null)
        {
            return false;
        }
        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }

    /// <summary>The header value for <paramref name="timeout"/>, in the finest unit whose value fits in 8 digits.</summary>
    public static string Format(TimeSpan timeout)
    {
        var ticks = Math.Max(0, timeout.Ticks);
        foreach (var (unit, perUnit) in new[] { ('u', TimeSpan.TicksPerMicrosecond), ('m', TimeSpan.TicksPerMillisecond), ('S', TimeSpan.TicksPerSecond), ('M', TimeSpan.TicksPerMinute) })
        {
            var value = (ticks + perUnit - 1) / perUnit;
            if (value < 100_000_000)
            {
                return $"{value}{unit}";
            }
        }
        return $"{Math.Min(99_999_999, (ticks + TimeSpan.TicksPerHour - 1) / TimeSpan.TicksPerHour)}H";
    }
}
