using System.Globalization;
using System.Text;
using ZhijiangLive.LoadTests.Measure;
using ZhijiangLive.LoadTests.Run;

namespace ZhijiangLive.LoadTests.Report;

/// <summary>
/// Writes <c>report.md</c>, <c>throughput.png</c>, <c>latency.png</c>, <c>push.png</c> (when the push probe timed any
/// mark) and <c>samples.csv</c> into the run's folder.
/// </summary>
public static class ReportWriter
{
    public static async Task<string> WriteAsync(RunResult run, string folder)
    {
        Directory.CreateDirectory(folder);
        var samples = run.Timeline.Samples;
        Charts.Save(Charts.Throughput(run.Timeline), Path.Combine(folder, "throughput.png"));
        Charts.Save(Charts.Latency(run.Timeline), Path.Combine(folder, "latency.png"));
        if (run.Probe is { } probe && Charts.Push(probe.Latency) is { } push) Charts.Save(push, Path.Combine(folder, "push.png"));
        await File.WriteAllLinesAsync(Path.Combine(folder, "samples.csv"), samples.Select(s => string.Join(',',
                new[] { s.Second, s.SentPerSecond, s.AcceptedPerSecond, s.WantedPerSecond, s.AckP50, s.AckP99, s.PushP50, s.PushMax, s.SimulatedHour, s.Errors }
                    .Select(v => double.IsFinite(v) ? v.ToString("0.###", CultureInfo.InvariantCulture) : "")))
            .Prepend("second,sent_per_s,accepted_per_s,wanted_per_s,ack_p50_ms,ack_p99_ms,push_p50_ms,push_max_ms,simulated_hour,errors"));
        var path = Path.Combine(folder, "report.md");
        await File.WriteAllTextAsync(path, Markdown(run));
        return path;
    }

    public static string Markdown(RunResult run)
    {
        var o = run.Options;
        var c = run.Counters;
        var ack = run.Timeline.Ack;
        var b = new StringBuilder();
        string N(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
        string Ms(LatencyHistogram h, double q) => h.PercentileMilliseconds(q).ToString("0.0", CultureInfo.InvariantCulture);
        b.AppendLine($"# Load run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC").AppendLine();
        b.AppendLine($"Verdict: **{(run.ExitCode == 0 ? "pass" : "FAIL")}**").AppendLine();
        b.AppendLine($"- target `{o.Target}`, mode {o.Mode.ToString().ToLowerInvariant()}, {o.Connections} connections × {o.InFlight} in flight, batches of {o.Batch}");
        b.AppendLine($"- pace {Pace(run)}, traffic for {run.Traffic.TotalSeconds:0.0} s, bad input share {o.BadShare:0.###}");
        b.AppendLine($"- province: scale {o.Scale}, seed {o.Seed}, {N(run.Schools)} schools, {N(run.Teachers)} teachers (and the marker), " +
            (run.RosterUpload is { } took ? $"uploaded in {took.TotalSeconds:0.0} s" : "already on the server")).AppendLine();

        b.AppendLine("## Totals").AppendLine().AppendLine("| | here | server (delta) |").AppendLine("|---|---|---|");
        var there = run.ServerDelta;
        b.AppendLine($"| sent | {N(c.Sent)} | |");
        b.AppendLine($"| accepted | {N(c.Accepted)} | {(there is null ? "–" : N(there.Accepted))} |");
        b.AppendLine($"| duplicates | {N(c.Duplicates)} | {(there is null ? "–" : N(there.Duplicates))} |");
        b.AppendLine($"| rejected | {N(c.Rejected)} | {(there is null ? "–" : N(there.Rejected))} |");
        foreach (var (reason, count) in c.RejectedByReason.OrderBy(p => p.Key))
        {
            b.AppendLine($"| rejected {reason} | {N(count)} | {(there is null ? "–" : N(there.RejectedByReason.GetValueOrDefault(reason)))} |");
        }
        b.AppendLine().AppendLine(run.Reconciles switch
        {
            true => $"The totals **reconcile** with the server's counters (`/metrics`, read before and after{Whose(there!)}).",
            false => $"The totals **do not reconcile** with the server's counters (`/metrics`, read before and after{Whose(there!)}).",
            null => $"The server's counters were not compared: {run.ServerProblem ?? "no --http given"}.",
        });
        b.AppendLine().AppendLine($"Requests acknowledged {N(c.Requests)}, resent {N(c.Retries)}, events given up {N(c.Abandoned)}; " +
            $"duplicates of resent requests that had landed before {N(c.RetryDuplicates)}; events of attempts without a reply {N(c.Unanswered)} " +
            "(the server may have counted them: by so much its duplicates and rejections may exceed these).").AppendLine();
        if (!c.ErrorsByStatus.IsEmpty) b.AppendLine("Errors by status: " + string.Join("; ", c.ErrorsByStatus.Select(p => $"{p.Key} {N(p.Value)} (first: {c.FirstErrorMessage.GetValueOrDefault(p.Key, "?")})"))).AppendLine();

        b.AppendLine("## Deliberate bad input").AppendLine();
        b.AppendLine($"Sent {N(c.BadSent)}: " + string.Join(", ", c.BadSentByKind.OrderBy(p => p.Key).Select(p => $"{p.Key} {N(p.Value)}")) + ".");
        b.AppendLine($"Rejected or answered as duplicates, as they must be: {N(c.BadHandled)}. **Violations: {N(c.Violations)}.**");
        b.AppendLine($"Good events refused (unexpected): {N(run.UnexpectedRejections)}" +
            (run.UnexpectedRejections > 0 ? " — " + string.Join(", ", c.UnexpectedRejections.Select(p => $"{p.Key} {N(p.Value)}")) : "") + ".");
        foreach (var sample in c.ViolationSamples) b.AppendLine($"- {sample}");
        b.AppendLine();

        b.AppendLine("## Latency").AppendLine().AppendLine("| | p50 | p90 | p99 | p99.9 | max | count |").AppendLine("|---|---|---|---|---|---|---|");
        b.AppendLine($"| acknowledgement (ms) | {Ms(ack, .5)} | {Ms(ack, .9)} | {Ms(ack, .99)} | {Ms(ack, .999)} | {ack.MaxMicroseconds / 1000.0:0.0} | {N(ack.Count)} |");
        b.AppendLine().AppendLine("## Event to dashboard push").AppendLine();
        if (run.Probe is { } p) PushDistribution(b, p, o.MarksPerSecond);
        else b.AppendLine("Push probe: off (needs --http and --marks-per-second above 0).");

        var peak = run.Timeline.Samples.Count == 0 ? 0 : run.Timeline.Samples.Max(s => s.AcceptedPerSecond);
        b.AppendLine().AppendLine("## Over time").AppendLine();
        b.AppendLine($"Mean {N(c.Accepted / Math.Max(0.001, run.Traffic.TotalSeconds))} accepted events/s, best second {N(peak)}. " +
            $"This tool used {run.ClientCpu.TotalSeconds:0} s of CPU ({run.ClientCpu / run.Traffic:0.00} cores) on {Environment.ProcessorCount} processors. " +
            "Each second's figures are in `samples.csv`.").AppendLine();
        b.AppendLine("![throughput](throughput.png)").AppendLine().AppendLine("Accepted events a second (blue) against the pace wanted (grey, dashed).").AppendLine();
        b.AppendLine("![latency](latency.png)").AppendLine().AppendLine("Acknowledgement p50 (green) and p99 (red), and the slowest push of each second (purple), in ms on a log scale.");
        if (run.Timeline.Markers.Count > 0)
        {
            b.AppendLine().AppendLine("Dotted lines on both charts mark where errors began: " + string.Join("; ",
                run.Timeline.Markers.Select(m => $"{TimeSpan.FromSeconds(Math.Floor(m.Second)):m\\:ss} {m.Label}")) + ".");
        }
        if (run.Timeline.Snapshots.Count > 0)
        {
            b.AppendLine().AppendLine("Dashed teal lines mark the seconds in which the silo wrote a snapshot round (read from its `/metrics` every " +
                $"{SnapshotWatch.Interval.TotalSeconds:0} s): " + string.Join("; ",
                run.Timeline.Snapshots.Select(m => $"{TimeSpan.FromSeconds(Math.Floor(m.Second)):m\\:ss} {m.Label}")) + ".");
        }
        return b.ToString();
    }

    /// <summary>The quantiles of <see cref="PushDistribution"/>'s table.</summary>
    public static readonly double[] PushQuantiles = [.1, .25, .5, .75, .9, .95, .99];

    /// <summary>
    /// The push latencies as a distribution: its percentiles from p10 to p99 and why no single one of them (the
    /// median least) sums the run up.
    /// </summary>
    private static void PushDistribution(StringBuilder b, ProbeSummary p, double marksPerSecond)
    {
        string Ms(double q) => p.Latency.PercentileMilliseconds(q).ToString("0", CultureInfo.InvariantCulture);
        b.AppendLine($"Marks sent {p.Marks}, timed {p.Latency.Count:N0}, never reflected by a push {p.Unresolved}; pushes showing the marker {p.Pushes} " +
            $"(region {p.RegionId}, day)" + (p.Problem is null ? "." : $"; the hub: {p.Problem}.")).AppendLine();
        if (p.Latency.Count == 0)
        {
            b.AppendLine("No mark was timed, so there is no distribution to show.");
            return;
        }
        b.AppendLine("| ms | " + string.Join(" | ", PushQuantiles.Select(q => $"p{q * 100:0}")) + " | max |");
        b.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---|", PushQuantiles.Length + 1)));
        b.AppendLine("| event to push | " + string.Join(" | ", PushQuantiles.Select(Ms)) + $" | {p.Latency.MaxMicroseconds / 1000.0:0} |").AppendLine();
        var clusters = marksPerSecond > 1
            ? $"their latencies gather in about {Math.Round(marksPerSecond):0} clusters some {1000 / marksPerSecond:0} ms apart rather than spreading " +
              "evenly over the second. The median is whichever cluster holds the middle mark, and it can move by a whole cluster " +
              "between two runs of the same build (at 2 marks a second, from about 40 ms to about 540 ms)"
            : "their latencies gather in one cluster, which can sit anywhere in the second from one run to the next";
        b.AppendLine("**Read the spread, not the median.** The silo pushes a followed region's changes at most once a second " +
            "(its notify interval, 1 s unless configured otherwise), so a mark's latency is the wait for the next push, anywhere " +
            "from nothing to a whole second, plus the delivery. The probe sends its marks on a timer of its own " +
            $"({marksPerSecond:0.##} a second) that keeps nearly the same pace as the silo's, so the marks fall at the same few " +
            $"points of the push cycle all run long and {clusters}. The lowest figures bound the delivery alone from above (those " +
            "marks went out just before a push); no mark should wait longer than a push period plus the delivery, so a p99 " +
            "beyond about a second is a push that came late.").AppendLine();
        b.AppendLine("![push latency](push.png)").AppendLine().AppendLine(
            "Marks in each latency bin (purple bars, left axis) and the share of marks at or under each latency (blue step line, right axis).");
    }

    private static string Whose(ServerCounters counters) => counters.OneKey
        ? "; this key's series only, `key_id` = the first 12 hex digits of the key's SHA-256, so other publishers do not count"
        : "; every publisher's, as the silo does not label them by key";

    private static string Pace(RunResult run) => run.Options.Pace switch
    {
        Options.PaceKind.Max => "as fast as answered",
        Options.PaceKind.Flat => $"flat {run.Options.FlatRate:N0} events/s",
        _ => $"school-day curve from {run.Options.Start:HH:mm}, ×{run.Options.Speedup} ({run.Options.EventsPerTeacher} events a teacher a day)",
    };
}
