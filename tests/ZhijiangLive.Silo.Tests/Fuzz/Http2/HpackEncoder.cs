using System.Text;

namespace ZhijiangLive.Silo.Tests.Fuzz.Http2;

/// <summary>
/// The simplest HPACK a server must accept: every field a literal without indexing, its name and value
/// plain strings (no Huffman), so that no state is shared with the server and any bytes can be sent.
/// </summary>
internal static class HpackEncoder
{
    public static byte[] Encode(IEnumerable<(string Name, string Value)> fields)
    {
        var output = new List<byte>();
        foreach (var (name, value) in fields)
        {
            output.Add(0x00); // literal without indexing, new name
            WriteString(output, Encoding.Latin1.GetBytes(name));
            WriteString(output, Encoding.Latin1.GetBytes(value));
        }
        return output.ToArray();
    }

    private static void WriteString(List<byte> output, byte[] bytes)
    {
        WriteInteger(output, bytes.Length, prefixBits: 7, firstByte: 0x00);
        output.AddRange(bytes);
    }

    /// <summary>RFC 7541 §5.1: the value in the low <paramref name="prefixBits"/> bits, continued 7 bits a byte.</summary>
    public static void WriteInteger(List<byte> output, int value, int prefixBits, byte firstByte)
    {
        var max = (1 << prefixBits) - 1;
        if (value < max)
        {
            output.Add((byte)(firstByte | value));
            return;
        }
        output.Add((byte)(firstByte | max));
        value -= max;
        while (value >= 128)
        {
            output.Add((byte)(value % 128 + 128));
            value /= 128;
        }
        output.Add((byte)value);
    }
}
