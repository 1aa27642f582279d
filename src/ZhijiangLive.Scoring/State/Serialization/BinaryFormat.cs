using System.Runtime.InteropServices;

namespace ZhijiangLive.Scoring.State.Serialization;

/// <summary>
/// The primitives snapshot codecs share: zigzag varints, so that small negative numbers (points taken
/// back, key deltas) stay one or two bytes; counts checked against what is left to read, so that a
/// corrupt count fails fast instead of allocating gigabytes; and collections that may be absent.
/// </summary>
public static class BinaryFormat
{
    public static void WriteSigned(this BinaryWriter w, int value) => w.Write7BitEncodedInt((value << 1) ^ (value >> 31));

    public static int ReadSigned(this BinaryReader r)
    {
        var zigzag = (uint)r.Read7BitEncodedInt();
        return (int)(zigzag >> 1) ^ -(int)(zigzag & 1);
    }

    public static void WriteSigned64(this BinaryWriter w, long value) => w.Write7BitEncodedInt64((value << 1) ^ (value >> 63));

    public static long ReadSigned64(this BinaryReader r)
    {
        var zigzag = (ulong)r.Read7BitEncodedInt64();
        return (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
    }

    public static void WriteCount(this BinaryWriter w, int count) => w.Write7BitEncodedInt(count);

    /// <summary>A count of items that take a byte or more each, so never more than the bytes left.</summary>
    public static int ReadCount(this BinaryReader r) => Checked(r, r.Read7BitEncodedInt());

    /// <summary>The count of a collection that may be absent: 0 for none, the count plus one otherwise.</summary>
    public static void WriteOptionalCount(this BinaryWriter w, int? count) => w.Write7BitEncodedInt(count is { } n ? n + 1 : 0);

    public static int? ReadOptionalCount(this BinaryReader r) =>
        r.Read7BitEncodedInt() is var stored and not 0 ? Checked(r, stored - 1) : null;

    public static void WriteNullableString(this BinaryWriter w, string? value)
    {
        w.Write(value is not null);
        if (value is not null)
        {
            w.Write(value);
        }
    }

    public static string? ReadNullableString(this BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    /// <summary>A set's strings in ordinal order, so that equal sets write equal bytes whatever their history.</summary>
    public static void WriteOptionalSet(this BinaryWriter w, HashSet<string>? set)
    {
        w.WriteOptionalCount(set?.Count);
        if (set is not null)
        {
            WriteAll(w, Sorted(set));
        }
    }

    public static HashSet<string>? ReadOptionalSet(this BinaryReader r)
    {
        if (r.ReadOptionalCount() is not { } count)
        {
            return null;
        }
        var set = new HashSet<string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            if (!set.Add(r.ReadString()))
            {
                throw new InvalidDataException("a set holds the same string twice");
            }
        }
        return set;
    }

    /// <summary>A list's strings in their order.</summary>
    public static void WriteOptionalList(this BinaryWriter w, List<string>? list)
    {
        w.WriteOptionalCount(list?.Count);
        if (list is not null)
        {
            WriteAll(w, CollectionsMarshal.AsSpan(list));
        }
    }

    public static List<string>? ReadOptionalList(this BinaryReader r)
    {
        if (r.ReadOptionalCount() is not { } count)
        {
            return null;
        }
        var list = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(r.ReadString());
        }
        return list;
    }

    internal static string[] Sorted(ICollection<string> strings)
    {
        var sorted = new string[strings.Count];
        strings.CopyTo(sorted, 0);
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }

    private static void WriteAll(BinaryWriter w, ReadOnlySpan<string> strings)
    {
        foreach (var value in strings)
        {
            w.Write(value);
        }
    }

    private static int Checked(BinaryReader r, int count)
    {
        var stream = r.BaseStream;
        if (count < 0 || (stream.CanSeek && count > stream.Length - stream.Position))
        {
            throw new InvalidDataException($"a count of {count} is more than the bytes left to read");
        }
        return count;
    }
}
