using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ZhijiangLive.LoadTests.Report.Png;

namespace ZhijiangLive.Silo.Tests.LoadTests;

public sealed class PngEncoderTests
{
    [Fact]
    public void The_crc_is_the_one_png_uses() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8)); // the standard check value of CRC-32/ISO-HDLC

    [Fact]
    public void An_image_decodes_to_its_header_its_pixels_and_chunks_whose_crcs_hold()
    {
        var rgb = new byte[3 * 2 * 3];
        for (var i = 0; i < rgb.Length; i++) rgb[i] = (byte)(i * 13);
        var png = PngEncoder.Encode(3, 2, rgb);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var chunks = Chunks(png).ToList();
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        var header = chunks[0].Data;
        Assert.Equal(3, BinaryPrimitives.ReadInt32BigEndian(header));
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)));
        Assert.Equal(new byte[] { 8, 2, 0, 0, 0 }, header[8..]);

        using var inflate = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress);
        using var rows = new MemoryStream();
        inflate.CopyTo(rows);
        Assert.Equal([0, .. rgb[..9], 0, .. rgb[9..]], rows.ToArray());
    }

    [Fact]
    public void A_chart_of_no_points_is_still_an_image() =>
        Assert.Equal((byte)'P', LineChart.Render([new Series("none", [], (0, 0, 0))], "ms")[1]);

    private static IEnumerable<(string Type, byte[] Data)> Chunks(byte[] png)
    {
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var typeAndData = png.AsSpan(at + 4, 4 + length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.Equal(Crc32.Compute(typeAndData), crc);
            yield return (Encoding.ASCII.GetString(typeAndData[..4]), typeAndData[4..].ToArray());
            at += 12 + length;
        }
    }
}
