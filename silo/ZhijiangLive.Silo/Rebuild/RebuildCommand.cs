using Orleans.Runtime;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Hosting;
using ZhijiangLive.Scoring.RulePacks;
using ZhijiangLive.Silo.Durability;
using ZhijiangLive.Silo.Hosting;
using ZhijiangLive.Silo.Ingest;
using ZhijiangLive.Storage;

namespace ZhijiangLive.Silo.Rebuild;

/// <summary>
/// <c>rebuild</c>: recomputes every teacher's scores and rubric measures from the retained journal, with the
/// configured rule pack or another one, and prints what changed against the state the silo would recover,
/// scores and evaluation sheets. With <c>--apply</c> it writes the rebuilt teachers as snapshots at the
/// journal's end, so that a silo started afterwards (with the same rule pack) serves them.
/// </summary>
internal static class RebuildCommand
{
    /// <summary>0 when rebuilt; 2 when the store keeps no journal. Progress and refusals go to <paramref name="progress"/>.</summary>
    internal static async Task<int> RunAsync(RebuildArguments arguments, TextWriter output, TextWriter progress)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. arguments.Settings])
            .Build();
        var storeOptions = StoreHosting.StoreOptionsFrom(configuration);
        if (storeOptions.EffectiveProvider == "memory")
        {
            await progress.WriteLineAsync("rebuild: the memory store keeps no journal; choose sqlite or postgres");
            return 2;
        }
        var currentPack = ClusterHosting.RulePackFrom(configuration);
        var newPack = arguments.RulePackFile is { } file ? RulePackLoader.DefaultWith(File.ReadAllText(file)) : currentPack;
        var clusterOptions = ClusterHosting.ClusterOptionsFrom(configuration);
        var time = TimeProvider.System;
        await using var store = StoreHosting.Create(storeOptions);
        await store.InitializeAsync();
        var last = await store.LastPositionAsync();
        var clock = Stopwatch.StartNew();

        // Two silos, each its own cluster: the state the silo would recover, and the one the journal rebuilds.
        var rubrics = ClusterHosting.RubricsFrom(configuration);
        await using var beforeSilo = await LocalSilo.StartAsync(currentPack, clusterOptions, time, rubrics: rubrics);
        var before = beforeSilo.Cluster;
        await progress.WriteLineAsync($"Recovering the current state from the {store.Name} store ...");
        await new JournalRecovery(store, new JournalWriter(store, storeOptions, NullLogger<JournalWriter>.Instance), before,
            new EventIdWindow(currentPack.GraceLate, time), beforeSilo.Services.GetRequiredService<ILocalSiloDetails>(),
            NullLogger<JournalRecovery>.Instance, takeJournal: false).RecoverAsync(cold: true, CancellationToken.None);

        await using var afterSilo = await LocalSilo.StartAsync(newPack, clusterOptions, time, rubrics: rubrics);
        var after = afterSilo.Cluster;
        after.EnableSnapshots();
        var replay = await ReplayAllAsync(store, after, newPack, last, progress);
        var date = arguments.Date ?? after.Today;
        var comparison = await ScoreComparison.CompareAsync(before, after, date);
        var evaluations = await EvaluationComparison.CompareAsync(before, after);

        await output.WriteLineAsync(
            $"Rebuilt {replay.Events:N0} events and {replay.RosterChanges:N0} roster changes up to position {last:N0} in {clock.Elapsed.TotalSeconds:0.0} s" +
            (arguments.RulePackFile is null ? "" : $", with rule pack {arguments.RulePackFile}"));
        if (replay.Refused > 0)
        {
            await output.WriteLineAsync($"Events this rule pack refuses that were accepted before: {replay.Refused:N0}");
        }
        comparison.Print(output, date);
        evaluations.Print(output, id => after.Roster.Teacher(id)?.Name);
        if (!arguments.Apply)
        {
            await output.WriteLineAsync("Nothing was written (run again with --apply, the silo stopped, to keep the rebuilt scores).");
            return 0;
        }
        var written = await ApplyAsync(store, after, last);
        await output.WriteLineAsync($"Wrote {written:N0} teacher snapshots and the roster at position {last:N0}; start the silo with the same rule pack.");
        return 0;
    }

    /// <summary>Every retained record into a fresh cluster; a pruned journal starts from the roster as it was then.</summary>
    private static async Task<JournalReplay> ReplayAllAsync(IDurableStore store, ZhijiangCluster after, RulePack pack, long last, TextWriter progress)
    {
        var replay = new JournalReplay(after, new EventIdWindow(pack.GraceLate, TimeProvider.System));
        var bar = new ProgressBar(progress, "rebuild", last);
        var first = true;
        await foreach (var record in store.ReadAsync(0))
        {
            if (first && record.Position > 1)
            {
                await progress.WriteLineAsync($"The journal starts at position {record.Position:N0}: earlier records were pruned, so scores count only what follows.");
                await RestoreRosterBeforeAsync(store, after, record.Position);
            }
            first = false;
            await replay.AddAsync(record);
            bar.Report(record.Position);
        }
        await replay.CompleteAsync();
        bar.Finish(last);
        return replay;
    }

    private static async Task RestoreRosterBeforeAsync(IDurableStore store, ZhijiangCluster after, long position)
    {
        GrainSnapshot? roster = null;
        await foreach (var row in store.ReadSnapshotsAsync())
        {
            roster = SnapshotRows.RosterAt(position - 1, roster, row);
        }
        if (roster is not null)
        {
            await after.UpsertRosterAsync(SnapshotRows.ToRoster(roster));
        }
    }

    /// <summary>
    /// Writes the rebuilt teachers at the journal's end. Their versions start above any the silo gave (a
    /// snapshot only replaces a lower version), and the silo's own counters carry on from there.
    /// </summary>
    private static async Task<int> ApplyAsync(IDurableStore store, ZhijiangCluster after, long last)
    {
        var versionBase = DateTimeOffset.UtcNow.UtcTicks;
        var teachers = await after.CaptureTeachersAsync(last);
        foreach (var chunk in teachers.Chunk(2_000))
        {
            await store.WriteSnapshotsAsync(chunk.Select(t => SnapshotRows.Of(t with { Version = versionBase + t.Version })).ToList());
        }
        await store.WriteSnapshotsAsync([SnapshotRows.Of(after.Roster, last)]);
        await store.WriteWatermarkAsync(last);
        return teachers.Count;
    }
}
