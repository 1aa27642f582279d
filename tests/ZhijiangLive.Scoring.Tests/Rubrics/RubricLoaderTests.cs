using ZhijiangLive.Scoring.Rubrics;

namespace ZhijiangLive.Scoring.Tests.Rubrics;

/// <summary>Rubrics are data: the shipped two load, a third is a file, and a broken one says what is wrong.</summary>
public sealed class RubricLoaderTests
{
    private const string Minimal = """
        {
          "id": "county-2027", "title": "县级评优", "seed": "none", "total": 7,
          "items": [
            { "id": "homework", "name": "作业", "cap": 5, "window": "registration",
              "parts": [ { "measure": "homework", "every": 2, "points": 1 } ] },
            { "id": "case", "name": "案例", "cap": 2, "parts": [ { "expert": true } ] }
          ]
        }
        """;

    [Fact]
    public void Shipped_BothRubricsLoad_WithTheSeedsTotals()
    {
        Assert.Equal(100, RubricLoader.Shipped["featured-2018"].Total);
        Assert.Equal(105, RubricLoader.Shipped["guizhou-2021"].Total);
        Assert.Equal(3, RubricLoader.Shipped["guizhou-2021"].Tiers.Count);
    }

    [Fact]
    public void LoadWith_AThirdRubricIsAFile()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "county-2027.json"), Minimal);
            var all = RubricLoader.LoadWith(directory.FullName);
            Assert.Equal(["county-2027", "featured-2018", "guizhou-2021"], all.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(5, all["county-2027"].Item("homework")!.Cap);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("\"total\": 7", "\"total\": 8", "total: 8 is not the sum of the items' caps, 7")]
    [InlineData("\"measure\": \"homework\"", "\"measure\": \"homeworks\"", "no measure 'homeworks'")]
    [InlineData("\"window\": \"registration\"", "\"window\": \"lifetime\"", "measure 'homework' counts over registration, not lifetime")]
    [InlineData("\"every\": 2, \"points\": 1", "\"every\": 2, \"points\": 1, \"steps\": [ { \"atLeast\": 1, \"points\": 1 } ]", "give exactly one of every, steps, byRank or expert")]
    [InlineData("\"measure\": \"homework\", \"every\"", "\"measure\": \"homework\", \"threshold\": 3, \"every\"", "measure 'homework' takes no threshold")]
    [InlineData("\"cap\": 2, \"parts\"", "\"cap\": 2, \"window\": \"year\", \"parts\"", "an item only experts score counts over no window")]
    [InlineData("{ \"expert\": true }", "{ \"expert\": true, \"max\": 3 }", "max must be above 0 and at most the item's cap")]
    public void Load_ABrokenRubricSaysWhatIsWrong(string replace, string with, string error)
    {
        var broken = Minimal.Replace(replace, with);
        Assert.NotEqual(Minimal, broken);
        var e = Assert.Throws<InvalidDataException>(() => RubricLoader.Load(broken));
        Assert.Contains(error, e.Message);
    }

    [Fact]
    public void Load_AnUnknownFieldIsRefused()
    {
        var e = Assert.Throws<InvalidDataException>(() => RubricLoader.Load(Minimal.Replace("\"cap\": 5,", "\"cap\": 5, \"capp\": 6,")));
        Assert.Contains("capp", e.Message);
    }
}
