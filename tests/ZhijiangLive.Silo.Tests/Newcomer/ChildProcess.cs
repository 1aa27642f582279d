using System.Diagnostics;
using System.Net;

namespace ZhijiangLive.Silo.Tests.Newcomer;

/// <summary>What the newcomer tests do with programs a reader would run: start one, wait for a silo's readiness, run one to its end.</summary>
internal static class ChildProcess
{
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, string folder)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    /// <summary>Starts a long-running program whose output nobody reads.</summary>
    public static Process Start(string program, IEnumerable<string> arguments, string folder)
    {
        var process = Process.Start(StartInfo(program, arguments, folder))!;
        // Drained, so that a full pipe never stalls the child.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs a program to its end; one still running after <paramref name="patience"/> is killed and fails the test.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(ProcessStartInfo start, TimeSpan patience)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{start.FileName} {string.Join(' ', start.ArgumentList)} was still running after {patience}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Returns once <paramref name="readyz"/> answers 200; fails if the silo ends first or does not answer in time.</summary>
    public static async Task ReadyAsync(Uri readyz, Process silo, TimeSpan patience)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var giveUp = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < giveUp)
        {
            Assert.False(silo.HasExited, $"the silo ended with {(silo.HasExited ? silo.ExitCode : 0)} before it was ready");
            try
            {
                if ((await http.GetAsync(readyz)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        Assert.Fail($"{readyz} did not answer 200 within {patience.TotalMinutes} minutes");
    }
}
