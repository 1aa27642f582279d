using System.Text.Json;

namespace ZhijiangLive.Silo.Tests.Operations;

/// <summary>The silo process is built to run with server GC and without its dynamic adaptation (see README, "Performance").</summary>
public sealed class GcSettingsTests
{
    [Fact]
    public void TheSilosRuntimeConfig_AsksForServerGc_WithoutDynamicAdaptation()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ZhijiangLive.Silo.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
    }
}
