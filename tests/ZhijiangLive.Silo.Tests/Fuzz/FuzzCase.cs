namespace ZhijiangLive.Silo.Tests.Fuzz;

/// <summary>What a fuzz case breaks, which decides the answers it may get.</summary>
internal enum FuzzKind
{
    /// <summary>A request a server must answer on its stream: a gRPC status, or an HTTP status with one.</summary>
    Answered,

    /// <summary>The client resets its own stream part-way: no answer is owed, and the connection must live on.</summary>
    ClientReset,

    /// <summary>A violation of HTTP/2 itself (a forbidden header byte, an uppercase name): the connection may end with GOAWAY.</summary>
    ConnectionError,
}

/// <summary>
/// One generated request: its header fields, where its header block is cut into CONTINUATIONs, its body
/// and the size of the DATA frames it goes in, and whether the client half-closes.
/// </summary>
internal sealed record FuzzCase(
    int Index,
    FuzzKind Kind,
    List<(string Name, string Value)> Headers,
    int[] HeaderSplits,
    byte[] Body,
    int DataPieceSize,
    bool EndStream,
    string Mutations)
{
    public override string ToString() =>
        $"case {Index} ({Kind}; {Mutations}): {string.Join(", ", Headers.Where(h => h.Name != "authorization").Select(h => $"{h.Name}={Show(h.Value)}"))}; " +
        $"body {Convert.ToHexString(Body.AsSpan(0, Math.Min(Body.Length, 24)))}{(Body.Length > 24 ? "…" : "")} ({Body.Length} B in pieces of " +
        $"{(DataPieceSize == int.MaxValue ? "any" : DataPieceSize)}), header cuts [{string.Join(",", HeaderSplits)}], end {EndStream}";

    private static string Show(string value) => value.Length > 40 ? value[..40] + "…" : value.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\0", "\\0");
}
