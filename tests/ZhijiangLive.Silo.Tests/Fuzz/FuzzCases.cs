using System.Buffers.Binary;
using Google.Protobuf;
using Grpc.Health.V1;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Contracts.Wire;
using ZhijiangLive.Silo.Tests.Fuzz.Http2;
using ZhijiangLive.Silo.Tests.Grpc;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Fuzz;

/// <summary>
/// Generates fuzz cases from a seeded random source: a valid call to a real method, then mutations of its
/// message prefix and bytes, its header values and its framing (see README "Limits" for what each must get).
/// </summary>
internal sealed class FuzzCases(Uri address, int seed)
{
    private static readonly string[] ContentTypes = ["application/grpc", "application/grpc+proto", "application/grpc;x=1", "application/json", "text/plain", "application/grpc+json", ""];
    private static readonly string[] Timeouts = ["1S", "250m", "soon", "123456789S", "1x", "-1S", "0n", "99999999H", "S", "1.5S"];
    private static readonly string[] Encodings = ["identity", "gzip", "snappy", "deflate", "GZIP"];
    private readonly Random _random = new(seed);
    private int _index;

    public FuzzCase Next()
    {
        var mutations = new List<string>();
        var (path, message) = Call(mutations);
        var headers = GrpcOverRawHttp2.Headers(address, path);
        var body = RawGrpc.Frame(message);
        var kind = Roll(20) ? FuzzKind.ClientReset : FuzzKind.Answered;
        if (Roll(2)) body = MutateBody(body, headers, mutations);
        if (Roll(3)) MutateHeaders(headers, mutations);
        if (Roll(30))
        {
            kind = FuzzKind.ConnectionError;
            BreakHttp2(headers, mutations);
        }
        var splits = Roll(4) ? Enumerable.Range(0, _random.Next(1, 4)).Select(_ => _random.Next(1, 200)).ToArray() : [];
        var piece = Roll(3) ? _random.Next(1, 40) : int.MaxValue;
        // A stream left open must have a deadline to end it.
        var endStream = !(Roll(10) && SetHeader(headers, "grpc-timeout", "300m"));
        if (!endStream) mutations.Add("left open");
        return new FuzzCase(_index++, kind, headers, splits, body, piece, endStream, string.Join("; ", mutations));
    }

    private (string Path, IMessage Message) Call(List<string> mutations)
    {
        var events = Enumerable.Range(0, _random.Next(0, 6))
            .Select(i => Login($"fz-{seed}-{_index}-{i}", teacher: _random.Next(3) switch { 0 => "T1", 1 => "T2", _ => "TX" })).ToArray();
        var call = _random.Next(10) switch
        {
            < 5 => (Publish, (IMessage)Batch(events)),
            5 or 6 => (PublishStream, Batch(events)),
            7 => ("/zhijiang.live.v1.Query/GetTeacher", new GetRequest { Id = "T1" }),
            8 => ("/grpc.health.v1.Health/Check", new HealthCheckRequest()),
            _ => ("/" + Visible(1, 30).Replace(" ", ""), new HealthCheckRequest()),
        };
        mutations.Add(call.Item1);
        return call;
    }

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
                BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(1), length);
                mutations.Add($"length {length}");
                return body;
            case 2:
                mutations.Add("truncated");
                return body[.._random.Next(body.Length)];
            case 3:
                mutations.Add("garbage after");
                return [.. body, .. Bytes(_random.Next(1, 64))];
            case 4:
                mutations.Add("random body");
                return Bytes(_random.Next(0, 256));
            case 5:
                for (var i = 0; i < 3 && body.Length > 5; i++) body[_random.Next(5, body.Length)] ^= (byte)(1 << _random.Next(8));
                mutations.Add("bits flipped");
                return body;
            default:
                var gzip = MessageCompression.Compress(body.AsSpan(5));
                if (Roll(2) && gzip.Length > 0) gzip[_random.Next(gzip.Length)] ^= 0xFF;
                SetHeader(headers, "grpc-encoding", "gzip");
                mutations.Add("gzip");
                var frame = new byte[5 + gzip.Length];
                MessageFrame.WritePrefix(frame, gzip.Length, compressed: true);
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

    /// <summary>Replaces a field where it stands (pseudo-headers must stay before the others), or adds it.</summary>
    private static bool SetHeader(List<(string Name, string Value)> headers, string name, string value)
    {
        var at = headers.FindIndex(h => h.Name == name);
        if (at < 0) headers.Add((name, value));
        else headers[at] = (name, value);
        return true;
    }

    private bool Roll(int oneIn) => _random.Next(oneIn) == 0;

    private string Pick(string[] choices) => choices[_random.Next(choices.Length)];

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>Printable ASCII, which any header value may carry.</summary>
    private string Visible(int min, int max) =>
        new(Enumerable.Range(0, _random.Next(min, max + 1)).Select(_ => (char)_random.Next(0x20, 0x7F)).ToArray());
}
