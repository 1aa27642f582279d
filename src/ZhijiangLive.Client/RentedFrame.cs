using System.Buffers;
using Google.Protobuf;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client;

/// <summary>One length-prefixed request message in an array rented from the shared pool.</summary>
internal readonly struct RentedFrame
{
    private readonly byte[] _array;

    private RentedFrame(byte[] array, int length)
    {
        _array = array;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => _array.AsMemory(0, Length);

    /// <summary>Serialises <paramref name="message"/> straight behind its prefix, gzip-compressed when asked.</summary>
    public static RentedFrame Serialize(IMessage message, bool compress)
    {
        var size = message.CalculateSize();
        var array = ArrayPool<byte>.Shared.Rent(MessageFrame.PrefixLength + size);
        message.WriteTo(array.AsSpan(MessageFrame.PrefixLength, size));
        if (!compress)
        {
            MessageFrame.WritePrefix(array, size, compressed: false);
            return new RentedFrame(array, MessageFrame.PrefixLength + size);
        }
        var compressed = MessageCompression.Compress(array.AsSpan(MessageFrame.PrefixLength, size));
        ArrayPool<byte>.Shared.Return(array);
        array = ArrayPool<byte>.Shared.Rent(MessageFrame.PrefixLength + compressed.Length);
        compressed.CopyTo(array, MessageFrame.PrefixLength);
        MessageFrame.WritePrefix(array, compressed.Length, compressed: true);
        return new RentedFrame(array, MessageFrame.PrefixLength + compressed.Length);
    }

    public void Return() => ArrayPool<byte>.Shared.Return(_array);
}
