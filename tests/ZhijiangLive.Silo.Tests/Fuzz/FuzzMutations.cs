using Grpc.Core;
using ZhijiangLive.Silo.Tests.Grpc;

namespace ZhijiangLive.Silo.Tests.Fuzz;

/// <summary>The mutations of <see cref="FuzzCases"/>: of a message's prefix and bytes, of header values, and of HTTP/2 itself.</summary>
internal sealed partial class FuzzCases
{
    private byte[] MutateBody(byte[] body, List<(string Name, string Value)> headers, List<string> mutations)
    {
        switch (_random.Next(7))
        {
            case 0:
                body[0] = (byte)_random.Next(2, 256);
                mutations.Add($"flag {body[0]}");
                return body;
            case 1:
                var length = new[] { 0u, 1u, (uint)body.Length - 4, (uint)body.Length + 7, 0x7FFFFFFFu, 0xFFFFFFFFu, (uint)_random.Next() }[_random.Next(7)];
                GrpcWire.WritePrefix(body, (int)length, compressed: false);
                mutations.Add($"length {length}");
                return body;
            case 2:
                return Noted(mutations, "truncated", body[.._random.Next(body.Length)]);
            case 3:
                return Noted(mutations, "garbage after", [.. body, .. Bytes(_random.Next(1, 64))]);
            case 4:
                return Noted(mutations, "random body", Bytes(_random.Next(0, 256)));
            case 5:
                for (var i = 0; i < 3 && body.Length > 5; i++) body[_random.Next(5, body.Length)] ^= (byte)(1 << _random.Next(8));
                mutations.Add("bits flipped");
                return body;
            default:
                var gzip = GrpcWire.Gzip(body.AsSpan(5));
                if (Roll(2) && gzip.Length > 0) gzip[_random.Next(gzip.Length)] ^= 0xFF;
                SetHeader(headers, "grpc-encoding", "gzip");
                mutations.Add("gzip");
                var frame = new byte[5 + gzip.Length];
                GrpcWire.WritePrefix(frame, gzip.Length, compressed: true);
                gzip.CopyTo(frame, 5);
                return frame;
        }
    }

    private void MutateHeaders(List<(string Name, string Value)> headers, List<string> mutations)
    {
        switch (_random.Next(7))
        {
            case 0: SetHeader(headers, "content-type", Roll(3) ? Visible(0, 40) : Pick(ContentTypes)); break;
            case 1: SetHeader(headers, "grpc-timeout", Roll(3) ? Visible(0, 12) : Pick(Timeouts)); break;
            case 2: SetHeader(headers, "grpc-encoding", Roll(3) ? Visible(1, 12) : Pick(Encodings)); break;
            case 3: headers.Add(("x-" + Visible(1, 12).ToLowerInvariant().Replace(" ", "-").Replace(":", "-"), Visible(0, 300))); break;
            case 4: SetHeader(headers, ":method", Pick(["GET", "PUT", "DELETE", "post"])); break;
            case 5: SetHeader(headers, "authorization", Pick(["", "Bearer", "Bearer zlk_wrong", "Basic " + Visible(1, 30)])); break;
            default: headers.RemoveAll(h => h.Name == "te"); break;
        }
        mutations.Add("header " + _random.Next());
    }

    /// <summary>A field HTTP/2 forbids (RFC 9113 §8.2.1): a server must refuse it, on the stream or the connection.</summary>
    private void BreakHttp2(List<(string Name, string Value)> headers, List<string> mutations)
    {
        var field = _random.Next(4) switch
        {
            0 => ("x-bad", "a\r\nb"),
            1 => ("x-nul", "a\0b"),
            2 => ("X-Upper", "v"),
            _ => ("connection", "keep-alive"),
        };
        headers.Add(field);
        mutations.Add($"forbidden {field.Item1}");
    }
}
