namespace ZhijiangLive.Scoring.State.Serialization;

/// <summary>A teacher's resources and undecided tasks in a snapshot, sorted by id, each with its set of users.</summary>
internal static class RecordsCodec
{
    public static void WriteResources(BinaryWriter w, Dictionary<string, ResourceRecord>? resources)
    {
        w.WriteOptionalCount(resources?.Count);
        if (resources is null)
        {
            return;
        }
        foreach (var id in BinaryFormat.Sorted(resources.Keys))
        {
            var resource = resources[id];
            w.Write(id);
            w.Write(resource.Deleted);
            w.WriteSigned(resource.SpreadCount);
            w.WriteSigned(resource.SpreadPoints);
            w.Write(resource.ReviewLevelsPaid);
            w.WriteSigned(resource.ReviewPoints);
            w.WriteSigned(resource.MobileReviewPoints);
            w.WriteOptionalSet(resource.Spreaders);
        }
    }

    public static Dictionary<string, ResourceRecord>? ReadResources(BinaryReader r)
    {
        if (r.ReadOptionalCount() is not { } count)
        {
            return null;
        }
        var resources = new Dictionary<string, ResourceRecord>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var id = r.ReadString();
            var resource = new ResourceRecord
            {
                Deleted = r.ReadBoolean(),
                SpreadCount = r.ReadSigned(),
                SpreadPoints = r.ReadSigned(),
                ReviewLevelsPaid = r.ReadByte(),
                ReviewPoints = r.ReadSigned(),
                MobileReviewPoints = r.ReadSigned(),
                Spreaders = r.ReadOptionalSet(),
            };
            AddUnique(resources, id, resource);
        }
        return resources;
    }

    public static void WriteTasks(BinaryWriter w, Dictionary<string, TaskRecord>? tasks)
    {
        w.WriteOptionalCount(tasks?.Count);
        if (tasks is null)
        {
            return;
        }
        foreach (var id in BinaryFormat.Sorted(tasks.Keys))
        {
            var task = tasks[id];
            w.Write(id);
            w.Write(task.Published);
            w.WriteSigned(task.LastActivityDay);
            w.WriteOptionalSet(task.Students);
        }
    }

    public static Dictionary<string, TaskRecord>? ReadTasks(BinaryReader r)
    {
        if (r.ReadOptionalCount() is not { } count)
        {
            return null;
        }
        var tasks = new Dictionary<string, TaskRecord>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var id = r.ReadString();
            var task = new TaskRecord
            {
                Published = r.ReadBoolean(),
                LastActivityDay = r.ReadSigned(),
                Students = r.ReadOptionalSet(),
            };
            AddUnique(tasks, id, task);
        }
        return tasks;
    }

    private static void AddUnique<T>(Dictionary<string, T> records, string id, T record)
    {
        if (!records.TryAdd(id, record))
        {
            throw new InvalidDataException($"'{id}' appears twice");
        }
    }
}
