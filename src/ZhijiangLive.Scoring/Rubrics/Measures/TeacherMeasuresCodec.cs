using ZhijiangLive.Scoring.State.Serialization;

namespace ZhijiangLive.Scoring.Rubrics.Measures;

/// <summary>
/// <see cref="TeacherMeasures"/> as bytes, inside a teacher's snapshot. Sets and maps are written in ordinal
/// key order, so equal measures write equal bytes whatever their history.
/// </summary>
/// <remarks>Format 1, after its version byte: resources, followers, following, visits with the visitors of open days,
/// positive reviews, downloads and reposts, then each registration's tally.</remarks>
public static class TeacherMeasuresCodec
{
    public const byte Version = 1;

    public static void Write(BinaryWriter w, TeacherMeasures? measures)
    {
        w.Write(measures is not null);
        if (measures is null)
        {
            return;
        }
        w.Write(Version);
        w.WriteOptionalCount(measures.Resources?.Count);
        foreach (var (id, resource) in (measures.Resources ?? []).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            w.Write(id);
            w.Write(resource.Kind);
            w.Write((byte)((resource.Original ? 1 : 0) | (resource.Deleted ? 2 : 0)));
        }
        w.WriteOptionalSet(measures.Followers);
        w.WriteOptionalSet(measures.Following);
        w.WriteSigned(measures.Visits);
        w.WriteOptionalCount(measures.VisitorsByDay?.Count);
        foreach (var (day, visitors) in (measures.VisitorsByDay ?? []).OrderBy(d => d.Key))
        {
            w.WriteSigned(day);
            w.WriteOptionalSet(visitors);
        }
        w.WriteSigned(measures.PositiveReviews);
        w.WriteSigned(measures.DownloadsAndReposts);
        w.WriteOptionalCount(measures.Tallies?.Count);
        foreach (var tally in measures.Tallies ?? [])
        {
            WriteTally(w, tally);
        }
    }

    public static TeacherMeasures? Read(BinaryReader r)
    {
        if (!r.ReadBoolean())
        {
            return null;
        }
        var version = r.ReadByte();
        if (version != Version)
        {
            throw new InvalidDataException($"teacher measures format {version} is unknown; this build reads format {Version}");
        }
        var measures = new TeacherMeasures();
        if (r.ReadOptionalCount() is { } resources)
        {
            measures.Resources = new Dictionary<string, PublishedResource>(resources, StringComparer.Ordinal);
            for (var i = 0; i < resources; i++)
            {
                var id = r.ReadString();
                var kind = r.ReadString();
                var flags = r.ReadByte();
                measures.Resources.Add(id, new PublishedResource(kind, (flags & 1) != 0) { Deleted = (flags & 2) != 0 });
            }
        }
        measures.Followers = r.ReadOptionalSet();
        measures.Following = r.ReadOptionalSet();
        measures.Visits = r.ReadSigned();
        if (r.ReadOptionalCount() is { } days)
        {
            measures.VisitorsByDay = new Dictionary<int, HashSet<string>>(days);
            for (var i = 0; i < days; i++)
            {
                measures.VisitorsByDay.Add(r.ReadSigned(), r.ReadOptionalSet() ?? new HashSet<string>(StringComparer.Ordinal));
            }
        }
        measures.PositiveReviews = r.ReadSigned();
        measures.DownloadsAndReposts = r.ReadSigned();
        if (r.ReadOptionalCount() is { } tallies)
        {
            measures.Tallies = new List<CandidateTally>(tallies);
            for (var i = 0; i < tallies; i++)
            {
                measures.Tallies.Add(ReadTally(r));
            }
        }
        return measures;
    }

    private static void WriteTally(BinaryWriter w, CandidateTally tally)
    {
        w.Write(tally.RubricId);
        w.WriteSigned(tally.Year);
        w.Write(tally.From.UtcTicks);
        w.WriteOptionalSet(tally.ProvinceApproved);
        w.WriteCount(tally.MobileSecondsByDay.Count);
        foreach (var (day, seconds) in tally.MobileSecondsByDay.OrderBy(d => d.Key))
        {
            w.WriteSigned(day);
            w.WriteSigned(seconds);
        }
        w.WriteOptionalSet(tally.MobileSessions);
        w.WriteOptionalSet(tally.HomeworkTasks);
        w.WriteSigned(tally.HomeworkMarked);
        w.WriteCount(tally.InteractionsByKind.Count);
        foreach (var (kind, count) in tally.InteractionsByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            w.Write(kind);
            w.WriteSigned(count);
        }
        w.WriteCount(tally.Activities.Count);
        foreach (var (task, students) in tally.Activities.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            w.Write(task);
            w.WriteOptionalSet(students);
        }
    }

    private static CandidateTally ReadTally(BinaryReader r)
    {
        var tally = new CandidateTally(r.ReadString(), r.ReadSigned(), new DateTimeOffset(r.ReadInt64(), TimeSpan.Zero));
        tally.ProvinceApproved.UnionWith(r.ReadOptionalSet() ?? []);
        for (var days = r.ReadCount(); days > 0; days--)
        {
            tally.MobileSecondsByDay.Add(r.ReadSigned(), r.ReadSigned());
        }
        tally.MobileSessions.UnionWith(r.ReadOptionalSet() ?? []);
        tally.HomeworkTasks.UnionWith(r.ReadOptionalSet() ?? []);
        tally.HomeworkMarked = r.ReadSigned();
        for (var kinds = r.ReadCount(); kinds > 0; kinds--)
        {
            tally.InteractionsByKind.Add(r.ReadString(), r.ReadSigned());
        }
        for (var activities = r.ReadCount(); activities > 0; activities--)
        {
            tally.Activities.Add(r.ReadString(), r.ReadOptionalSet() ?? new HashSet<string>(StringComparer.Ordinal));
        }
        return tally;
    }
}
