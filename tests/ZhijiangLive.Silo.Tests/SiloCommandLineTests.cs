using ZhijiangLive.Silo.Commands;

namespace ZhijiangLive.Silo.Tests;

/// <summary>The silo's own <c>--help</c>: its option, its commands and every setting, on System.CommandLine.</summary>
public sealed class SiloCommandLineTests
{
    [Fact]
    public async Task Help_ListsTheDemoOption_TheCommands_AndTheSettings()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await SiloCommandLine.InvokeAsync(["--help"], output, error);

        var help = output.ToString();
        Assert.Equal(0, code);
        Assert.Empty(error.ToString());
        Assert.Contains("--demo", help);
        Assert.All(["rebuild", "token", "key"], verb => Assert.Matches($@"\n  {verb} +\S", help.ReplaceLineEndings("\n")));
        Assert.Contains("--Zhijiang:Store:Provider <p>", help);
        Assert.Contains("GET /api/session", help);
    }
}
