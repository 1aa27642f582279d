using System.Globalization;
using Orleans;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using ZhijiangLive.Grains.Teachers;
using ZhijiangLive.Storage;

namespace ZhijiangLive.Grains.Storage;

/// <summary>
/// Orleans grain storage on the silo's own store (SQLite, PostgreSQL or none): a grain's state is its
/// snapshot row, kind = the state's name, key = the grain's key. Writes are batched into store transactions
/// and reads into queries (<see cref="SnapshotBatches"/>); a teacher restored at start-up reads its state from
/// <see cref="GrainServices.RestoredTeachers"/>, already in memory, and any other grain reads its row.
/// A teacher's state is kept in the codec's compact form with the snapshot's version and the journal
/// position it covers; any other state in Orleans' own serialization.
/// <para>
/// The ETag is the stored version, and a write carries the next one: the store writes a row only above the
/// version it holds, so a writer whose ETag is out of date (another activation wrote first) gets
/// <see cref="InconsistentStateException"/>, as Orleans' contract says. A teacher's version is its snapshot
/// marks' own, which only grows.
/// </para>
/// </summary>
public sealed class SnapshotGrainStorage(IDurableStore store, GrainServices services, Serializer serializer) : IGrainStorage
{
    public const string Name = "zhijiang";

    private readonly SnapshotBatches _batches = new(store);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = KeyOf(grainId);
        if (grainState.State is TeacherRecord teacher)
        {
            var state = services.RestoredTeachers.Take(key);
            if ((state is null || services.Clustered)
                && await _batches.ReadAsync(stateName, key).ConfigureAwait(false) is { } row
                && row.Version > (state?.Marks.Version ?? 0))
            {
                state = TeacherGrainStateCodec.Deserialize(key, row.State, services.LedgerNotes);
                state.Marks.Restore(row.Version, row.Position);
            }
            teacher.State = state;
            Found(grainState, state?.Marks.Version);
            return;
        }
        if (await _batches.ReadAsync(stateName, key).ConfigureAwait(false) is { } stored)
        {
            grainState.State = serializer.Deserialize<T>(stored.State);
            Found(grainState, stored.Version);
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = KeyOf(grainId);
        GrainSnapshot row;
        if (grainState.State is TeacherRecord record)
        {
            var teacher = record.State ?? throw new InvalidOperationException($"teacher '{key}' has no state to write");
            row = new GrainSnapshot(stateName, key, teacher.Marks.Version, teacher.Marks.Covered,
                TeacherGrainStateCodec.Serialize(teacher, services.LedgerNotes));
        }
        else
        {
            var version = grainState.ETag is { } etag ? long.Parse(etag, CultureInfo.InvariantCulture) + 1 : 1;
            row = new GrainSnapshot(stateName, key, version, 0, serializer.SerializeToArray(grainState.State));
        }
        if (!await _batches.WriteAsync(row).ConfigureAwait(false))
        {
            throw new InconsistentStateException(
                $"the stored state of {grainId} ({stateName}) is newer than version {row.Version - 1}: another writer got there first",
                storedEtag: null, currentEtag: grainState.ETag);
        }
        Found(grainState, row.Version);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await store.DeleteSnapshotAsync(stateName, KeyOf(grainId)).ConfigureAwait(false);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private static string KeyOf(GrainId grainId) => grainId.Key.ToString()!;

    private static void Found<T>(IGrainState<T> grainState, long? version)
    {
        grainState.RecordExists = version is not null;
        grainState.ETag = version?.ToString(CultureInfo.InvariantCulture);
    }
}
