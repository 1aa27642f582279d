using ZhijiangLive.Client;
using ZhijiangLive.LoadTests.Measure;
using ZhijiangLive.LoadTests.Options;
using ZhijiangLive.LoadTests.Province;

namespace ZhijiangLive.LoadTests.Bench;

/// <summary><c>bench</c>: the roster up (unless skipped), then <see cref="ClientRatio"/>, printed.</summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(LoadOptions options, TextWriter output, ProgressView progress, CancellationToken cancellationToken)
    {
        var province = GeneratedProvince.Generate(options.Scale, options.Seed);
        if (!options.SkipRoster)
        {
            using var client = new ZhijiangClient(options.Target, new ZhijiangClientOptions { Metadata = options.Metadata });
            await RosterUpload.UploadAsync(client, province, options.RosterChunk, progress, cancellationToken);
        }
        var figures = await ClientRatio.MeasureAsync(options.Target, options.Metadata, GeneratedProvince.TeacherId(0),
            options.Now ?? DateTimeOffset.UtcNow, options.BenchRequests, options.BenchStreams, output);
        output.WriteLine($"unary Publish, one pre-encoded request, 1 connection, {options.BenchStreams} concurrent calls, {options.BenchRequests:N0} calls each:");
        output.WriteLine($"  this tool's client  {figures.Ours:N0} calls/s");
        output.WriteLine(figures.H2Load is { } h2 ? $"  h2load              {h2:N0} calls/s" : "  h2load              no figure");
        output.WriteLine(figures.Ratio is { } ratio ? $"  ratio               {ratio:0.00}" : "  ratio               none");
        return figures.H2Load is null ? 1 : 0;
    }
}
