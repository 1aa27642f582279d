namespace ZhijiangLive.LoadTests.Live;

/// <summary>
/// The JSON hub protocol's framing: every message ends with the record separator 0x1E, and WebSocket
/// frames do not line up with records (one record may span frames, one frame may hold several). Bytes
/// received are gathered here and taken out one whole record at a time. JSON escapes control characters,
/// so a 0x1E inside a record cannot happen.
/// </summary>
public sealed class HubRecordBuffer
{
    public const byte Separator = 0x1E;

    private byte[] _bytes = new byte[64 * 1024];
    private int _start;
    private int _end;
    private int _scanned; // bytes after _start already known to hold no separator: a large record is scanned once

    /// <summary>Room for at least <paramref name="atLeast"/> more bytes; say how many arrived with <see cref="Advance"/>.</summary>
    public Memory<byte> Free(int atLeast)
    {
        if (_bytes.Length - _end < atLeast)
        {
            var held = _end - _start;
            var target = held + atLeast > _bytes.Length ? new byte[Math.Max(_bytes.Length * 2, held + atLeast)] : _bytes;
            Buffer.BlockCopy(_bytes, _start, target, 0, held);
            (_bytes, _start, _end) = (target, 0, held);
        }
        return _bytes.AsMemory(_end);
    }

    public void Advance(int count) => _end += count;

    /// <summary>The next complete record without its separator, if one has arrived.</summary>
    public bool TryTake(out byte[] record)
    {
        var from = _start + _scanned;
        var at = Array.IndexOf(_bytes, Separator, from, _end - from);
        if (at < 0)
        {
            _scanned = _end - _start;
            record = [];
            return false;
        }
        record = _bytes.AsSpan(_start, at - _start).ToArray();
        (_start, _scanned) = (at + 1, 0);
        return true;
    }
}
