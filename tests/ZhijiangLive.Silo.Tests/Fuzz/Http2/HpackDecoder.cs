using System.Text;

namespace ZhijiangLive.Silo.Tests.Fuzz.Http2;

/// <summary>
/// Decodes the header blocks a server sends on one connection (RFC 7541): indexed fields, literals with
/// and without indexing, and table size updates, over the static table and this connection's dynamic
/// table. Kestrel never Huffman-encodes what it sends, so a Huffman string is reported rather than decoded.
/// </summary>
internal sealed class HpackDecoder(int maxTableSize = 4096)
{
    private readonly LinkedList<(string Name, string Value)> _dynamic = new(); // newest first
    private int _tableSize;
    private int _maxTableSize = maxTableSize;

    public List<(string Name, string Value)> Decode(byte[] block)
    {
        var fields = new List<(string, string)>();
        var position = 0;
        while (position < block.Length)
        {
            var first = block[position];
            if ((first & 0x80) != 0)
            {
                fields.Add(Entry(ReadInteger(block, ref position, 7)));
            }
            else if ((first & 0x40) != 0)
            {
                var field = ReadLiteral(block, ref position, 6);
                fields.Add(field);
                Add(field);
            }
            else if ((first & 0x20) != 0)
            {
                _maxTableSize = ReadInteger(block, ref position, 5);
                Evict();
            }
            else
            {
                // 0000 without indexing, 0001 never indexed: the same shape.
                fields.Add(ReadLiteral(block, ref position, 4));
            }
        }
        return fields;
    }

    private (string Name, string Value) ReadLiteral(byte[] block, ref int position, int prefixBits)
    {
        var index = ReadInteger(block, ref position, prefixBits);
        var name = index == 0 ? ReadString(block, ref position) : Entry(index).Name;
        return (name, ReadString(block, ref position));
    }

    private (string Name, string Value) Entry(int index)
    {
        if (index >= 1 && index <= HpackStaticTable.Entries.Length)
        {
            return HpackStaticTable.Entries[index - 1];
        }
        var dynamicIndex = index - HpackStaticTable.Entries.Length - 1;
        if (index == 0 || dynamicIndex >= _dynamic.Count)
        {
            throw new InvalidDataException($"HPACK index {index} is in neither table");
        }
        return _dynamic.ElementAt(dynamicIndex);
    }

    private void Add((string Name, string Value) field)
    {
        _dynamic.AddFirst(field);
        _tableSize += Size(field);
        Evict();
    }

    private void Evict()
    {
        while (_tableSize > _maxTableSize && _dynamic.Last is { } oldest)
        {
            _tableSize -= Size(oldest.Value);
            _dynamic.RemoveLast();
        }
    }

    private static int Size((string Name, string Value) field) => field.Name.Length + field.Value.Length + 32;

    private static string ReadString(byte[] block, ref int position)
    {
        var huffman = (block[position] & 0x80) != 0;
        var length = ReadInteger(block, ref position, 7);
        if (huffman)
        {
            throw new NotSupportedException("the server sent a Huffman-encoded string");
        }
        var text = Encoding.Latin1.GetString(block, position, length);
        position += length;
        return text;
    }

    private static int ReadInteger(byte[] block, ref int position, int prefixBits)
    {
        var max = (1 << prefixBits) - 1;
        var value = block[position++] & max;
        if (value < max)
        {
            return value;
        }
        var shift = 0;
        byte next;
        do
        {
            next = block[position++];
            value += (next & 0x7F) << shift;
            shift += 7;
        }
        while ((next & 0x80) != 0);
        return value;
    }
}
