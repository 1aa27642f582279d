namespace ZhijiangLive.Grains;

/// <summary>Append to an array used as a list, without a List object around it.</summary>
internal static class GrowableArray
{
    /// <param name="firstCapacity">The size of the first array an empty one grows to; doubled after that.</param>
    public static void Append<T>(ref T[] array, ref int count, T item, int firstCapacity = 4)
    {
        if (count == array.Length)
        {
            Array.Resize(ref array, Math.Max(firstCapacity, count * 2));
        }
        array[count++] = item;
    }
}
