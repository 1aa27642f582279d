using Google.Protobuf;
using Grpc.Health.V1;
using ZhijiangLive.Contracts.V1;
using Grpc.Core;
using ZhijiangLive.Silo.Tests.Fuzz.Http2;
using ZhijiangLive.Silo.Tests.Grpc;
using static ZhijiangLive.Silo.Tests.Grpc.GrpcFixtures;

namespace ZhijiangLive.Silo.Tests.Fuzz;

/// <summary>
/// Generates fuzz cases from a seeded random source: a valid call to a real method, then mutations of its
/// message prefix and bytes, its header values and its framing (see README "Limits" for what each must get).
/// </summary>
internal sealed partial class FuzzCases(Uri address, int seed)
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

    /// <summary>Replaces a field where it stands (pseudo-headers must stay before the others), or adds it.</summary>
    private static bool SetHeader(List<(string Name, string Value)> headers, string name, string value)
    {
        var at = headers.FindIndex(h => h.Name == name);
        if (at < 0) headers.Add((name, value));
        else headers[at] = (name, value);
        return true;
    }

    private static byte[] Noted(List<string> mutations, string mutation, byte[] body)
    {
        mutations.Add(mutation);
        return body;
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
