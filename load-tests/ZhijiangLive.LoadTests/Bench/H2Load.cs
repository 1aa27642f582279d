using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf;

namespace ZhijiangLive.LoadTests.Bench;

/// <summary>
/// nghttp2's h2load as the baseline: the same pre-encoded unary request, sent over one connection with
/// the same number of concurrent streams as our client uses, with the same headers (the platform key). Its figure is
/// what the endpoint can answer when the client costs almost nothing.
/// </summary>
public static partial class H2Load
{
    public static async Task<double?> RequestsPerSecondAsync(Uri target, string path, IMessage request, int requests, int streams,
        IEnumerable<KeyValuePair<string, string>>? headers = null, TextWriter? log = null)
    {
        log ??= Console.Out;
        var body = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(body, Framed(request));
            var start = new ProcessStartInfo("h2load")
            {
                ArgumentList =
                {
                    "-n", requests.ToString(CultureInfo.InvariantCulture), "-c", "1", "-t", "1",
                    "-m", streams.ToString(CultureInfo.InvariantCulture), "-d", body,
                    "-H", "content-type: application/grpc", "-H", "te: trailers",
                    new Uri(target, path).ToString(),
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var (name, value) in headers ?? [])
            {
                start.ArgumentList.Insert(0, $"{name}: {value}");
                start.ArgumentList.Insert(0, "-H");
            }
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var finished = Finished().Match(output);
            var succeeded = Succeeded().Match(output);
            if (!finished.Success || !succeeded.Success || succeeded.Groups[1].Value != requests.ToString(CultureInfo.InvariantCulture))
            {
                log.WriteLine($"  h2load did not finish cleanly:\n{output}");
                return null;
            }
            return double.Parse(finished.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            log.WriteLine("  h2load is not installed (Debian package nghttp2-client): no baseline");
            return null;
        }
        finally
        {
            File.Delete(body);
        }
    }

    /// <summary>The request as gRPC frames it: an uncompressed flag, a big-endian length, the message.</summary>
    private static byte[] Framed(IMessage request)
    {
        var message = request.ToByteArray();
        var framed = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)message.Length);
        message.CopyTo(framed, 5);
        return framed;
    }

    [GeneratedRegex(@"finished in [\d.]+\w+, ([\d.]+) req/s")]
    private static partial Regex Finished();

    [GeneratedRegex(@"requests: \d+ total, \d+ started, \d+ done, (\d+) succeeded")]
    private static partial Regex Succeeded();
}
