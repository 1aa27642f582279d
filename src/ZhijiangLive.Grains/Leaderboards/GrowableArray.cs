namespace ZhijiangLive.Grains.Leaderboards;

/// <summary>Append to an array used as a list, without a List object per bucket.</summary>
internal static class GrowableArray
{
    public static void Append<T>(ref T[] array, ref int count, T item)
    {
        if (count == array.Length)
        {
            Array.Resize(ref array, Math.Max(4, count * 2));
        }
        array[count++] = item;
    }
}
