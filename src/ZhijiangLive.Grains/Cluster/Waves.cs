namespace ZhijiangLive.Grains.Cluster;

/// <summary>Grain calls for many members sent in waves, so that a whole province is never in flight at once.</summary>
internal static class Waves
{
    public const int CallsPerWave = 8_192;

    public static async Task SendAsync<T>(IEnumerable<T> items, Func<T, Task> call)
    {
        foreach (var wave in items.Chunk(CallsPerWave))
        {
            await Task.WhenAll(wave.Select(call)).ConfigureAwait(false);
        }
    }
}
