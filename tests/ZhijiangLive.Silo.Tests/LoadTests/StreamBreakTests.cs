using System.Globalization;
using ZhijiangLive.LoadTests.Measure;
using ZhijiangLive.LoadTests.Options;
using ZhijiangLive.LoadTests.Province;
using ZhijiangLive.LoadTests.Run;

namespace ZhijiangLive.Silo.Tests.LoadTests;

/// <summary>A stream-mode run whose connections are cut under it: what was in flight is resent and lands once.</summary>
public sealed class StreamBreakTests : IAsyncLifetime
{
    private RunningSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await RunningSilo.StartAsync();

    [Fact]
    public async Task Requests_in_flight_on_a_broken_stream_are_resent_with_the_same_ids_and_each_event_lands_once()
    {
        // The roster goes straight to the silo, so only the traffic passes the relay that cuts.
        using (var direct = _silo.PlatformClient())
        {
            await RosterUpload.UploadAsync(direct, GeneratedProvince.Generate(0.001, 1), 10_000, new PlainProgress(TextWriter.Null, quiet: true), CancellationToken.None);
        }
        // Each of the two connections is cut twice, ~32 requests into it (a 50-event request is ~8 KB), with 8 in flight.
        await using var proxy = new CuttingProxy(_silo.GrpcAddress, cuts: 4, bytesBeforeCut: 256 * 1024);
        using var serverSide = new SiloIngestCounters(_silo);
        var (_, options) = CommandLine.Parse(
        [
            "--target", proxy.Address.ToString(), "--api-key", TestCredentials.PlatformKey, "--skip-roster",
            "--now", RunningSilo.Now.ToString("O", CultureInfo.InvariantCulture),
            "--scale", "0.001", "--duration", "3s", "--rate", "max", "--mode", "stream", "--batch", "50", "--connections", "2",
            "--retries", "5", "--bad-share", "0",
        ]);

        var run = await LoadRun.RunAsync(options, TextWriter.Null, new PlainProgress(TextWriter.Null, quiet: true), CancellationToken.None);

        var c = run.Counters;
        var errors = string.Join(", ", c.ErrorsByStatus.Select(e => $"{e.Key}: {e.Value}"));
        Assert.True(proxy.Cuts > 0, "the relay never cut a connection");
        Assert.True(c.Retries > 0, $"no request was resent ({errors})");
        Assert.Equal(0, c.Abandoned);
        // Every event sent was answered once as having landed: accepted, or a duplicate of its own earlier attempt.
        Assert.Equal(c.Sent, c.Accepted + c.RetryDuplicates);
        Assert.Equal(c.RetryDuplicates, c.Duplicates);
        // The silo took each of them exactly once; it may have answered duplicates on attempts whose reply was cut.
        Assert.Equal(serverSide.Accepted, c.Accepted + c.RetryDuplicates);
        Assert.InRange(serverSide.Duplicates, c.Duplicates, c.Duplicates + c.Unanswered);
        Assert.Equal(0, serverSide.Rejected);
        Assert.Equal(0, c.Violations);
        Assert.Equal(0, run.UnexpectedRejections);
        Assert.Equal(0, run.ExitCode);
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();
}
