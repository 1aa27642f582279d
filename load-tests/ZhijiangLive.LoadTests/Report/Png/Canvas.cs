namespace ZhijiangLive.LoadTests.Report.Png;

/// <summary>An RGB pixel buffer with what a chart needs: rectangles, lines (Bresenham, with thickness) and a 3×5 pixel font.</summary>
public sealed class Canvas(int width, int height)
{
    private readonly byte[] _rgb = CreateWhite(width, height);

    public int Width => width;
    public int Height => height;

    public void Set(int x, int y, (byte R, byte G, byte B) c)
    {
        if (x < 0 || y < 0 || x >= width || y >= height) return;
        var i = (y * width + x) * 3;
        (_rgb[i], _rgb[i + 1], _rgb[i + 2]) = c;
    }

    public void Fill(int x0, int y0, int x1, int y1, (byte, byte, byte) c)
    {
        for (var y = y0; y <= y1; y++)
            for (var x = x0; x <= x1; x++)
                Set(x, y, c);
    }

    public void Line(int x0, int y0, int x1, int y1, (byte, byte, byte) c, int thickness = 1)
    {
        int dx = Math.Abs(x1 - x0), dy = -Math.Abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1, err = dx + dy;
        while (true)
        {
            Fill(x0 - thickness / 2, y0 - thickness / 2, x0 + (thickness - 1) / 2, y0 + (thickness - 1) / 2, c);
            if (x0 == x1 && y0 == y1) return;
            var e2 = 2 * err;
            if (e2 >= dy) { err += dy; x0 += sx; }
            if (e2 <= dx) { err += dx; y0 += sy; }
        }
    }

    /// <summary>Text in the 3×5 font, scaled by <paramref name="scale"/>; characters it lacks are left blank.</summary>
    public void Text(int x, int y, string text, (byte, byte, byte) c, int scale = 2)
    {
        foreach (var ch in text)
        {
            if (Glyphs.TryGetValue(ch, out var rows))
            {
                for (var r = 0; r < 5; r++)
                    for (var col = 0; col < 3; col++)
                        if ((rows[r] >> (2 - col) & 1) != 0) Fill(x + col * scale, y + r * scale, x + col * scale + scale - 1, y + r * scale + scale - 1, c);
            }
            x += 4 * scale;
        }
    }

    public static int TextWidth(string text, int scale = 2) => text.Length * 4 * scale;

    public byte[] ToPng() => PngEncoder.Encode(width, height, _rgb);

    private static byte[] CreateWhite(int width, int height)
    {
        var rgb = new byte[width * height * 3];
        Array.Fill(rgb, (byte)255);
        return rgb;
    }

    // Each glyph is five rows of three bits, the leftmost pixel the highest bit.
    private static readonly Dictionary<char, byte[]> Glyphs = new()
    {
        ['0'] = [7, 5, 5, 5, 7], ['1'] = [2, 6, 2, 2, 7], ['2'] = [7, 1, 7, 4, 7], ['3'] = [7, 1, 7, 1, 7], ['4'] = [5, 5, 7, 1, 1],
        ['5'] = [7, 4, 7, 1, 7], ['6'] = [7, 4, 7, 5, 7], ['7'] = [7, 1, 1, 2, 2], ['8'] = [7, 5, 7, 5, 7], ['9'] = [7, 5, 7, 1, 7],
        ['.'] = [0, 0, 0, 0, 2], ['k'] = [4, 5, 6, 5, 5], ['M'] = [5, 7, 7, 5, 5], ['s'] = [0, 3, 6, 1, 6], ['m'] = [0, 6, 7, 5, 5],
        ['/'] = [1, 1, 2, 4, 4], ['e'] = [0, 7, 7, 4, 7], ['v'] = [0, 5, 5, 5, 2], ['p'] = [0, 7, 5, 7, 4], ['-'] = [0, 0, 7, 0, 0],
    };
}
