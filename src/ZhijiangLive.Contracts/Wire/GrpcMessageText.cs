using System.Text;

namespace ZhijiangLive.Contracts.Wire;

/// <summary>
/// <c>grpc-message</c> is percent-encoded UTF-8: bytes outside printable ASCII (0x20–0x7E) and '%' itself
/// travel as %XX, so any text, Chinese included, survives an HTTP/2 header.
/// </summary>
public static class GrpcMessageText
{
    public static string Encode(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var encoded = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2"));
            }
        }
        return encoded.ToString();
    }

    /// <summary>Decodes; a malformed escape is kept as it stands, as the spec asks of receivers.</summary>
    public static string Decode(string encoded)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length && Uri.IsHexDigit(encoded[i + 1]) && Uri.IsHexDigit(encoded[i + 2]))
            {
                bytes.Add(Convert.ToByte(encoded.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            var length = char.IsHighSurrogate(encoded[i]) && i + 1 < encoded.Length ? 2 : 1;
            bytes.AddRange(Encoding.UTF8.GetBytes(encoded.Substring(i, length)));
            i += length - 1;
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
