using Orleans;

namespace ZhijiangLive.Grains.Journal;

/// <summary>
/// The journal's silo's answer to a forwarded call: <see cref="Status"/> is a gRPC status code (0 for OK, with
/// the reply's protobuf bytes in <see cref="Body"/>), so the gateway answers its caller exactly as the journal's
/// silo would have.
/// </summary>
[GenerateSerializer, Immutable, Alias("zl.OwnerReply")]
public sealed record OwnerReply([property: Id(0)] int Status, [property: Id(1)] string Detail, [property: Id(2)] byte[] Body)
{
    public static OwnerReply Ok(byte[] body) => new(0, "", body);

    public static OwnerReply Refused(int status, string detail) => new(status, detail, []);
}
