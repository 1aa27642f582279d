using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Roster;
using V1 = ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Silo.Mapping;

/// <summary>The contract's roster messages as the cluster's entries, and its result as a reply.</summary>
internal static class RosterMapping
{
    public static RosterBatch ToDomain(V1.RosterBatch batch) => new(
        batch.Regions.Select(r => new RegionEntry(r.Id, r.Name, (RegionLevel)r.Level, r.ParentId.Length == 0 ? null : r.ParentId)).ToList(),
        batch.Schools.Select(s => new SchoolEntry(s.Id, s.Name, s.CountyId)).ToList(),
        batch.Teachers.Select(t => new TeacherEntry(t.Id, t.Name, t.SchoolId, t.Subject, t.Locked)).ToList());

    /// <summary>The whole roster as one upsert: what a roster snapshot holds.</summary>
    public static V1.RosterBatch ToWire(RosterDirectory roster)
    {
        var batch = new V1.RosterBatch();
        batch.Regions.AddRange(roster.Regions.Select(r => new V1.Region
        {
            Id = r.Id, Name = r.Name ?? "", Level = (V1.RegionLevel)r.Level, ParentId = r.ParentId ?? "",
        }));
        batch.Schools.AddRange(roster.Schools.Select(s => new V1.School { Id = s.Id, Name = s.Name ?? "", CountyId = s.CountyId }));
        batch.Teachers.AddRange(roster.Teachers.Select(t => new V1.Teacher
        {
            Id = t.Id, Name = t.Name ?? "", SchoolId = t.SchoolId, Subject = t.Subject ?? "", Locked = t.Locked,
        }));
        return batch;
    }

    /// <summary>A refused entry's reason names its kind (<c>INVALID_REGION</c>, …); its index counts within that kind's list.</summary>
    public static V1.RosterReply ToReply(RosterResult result)
    {
        var reply = new V1.RosterReply { Regions = result.Regions, Schools = result.Schools, Teachers = result.Teachers };
        foreach (var r in result.Rejections)
        {
            reply.Rejections.Add(new V1.Rejection
            {
                Index = r.Index,
                EventId = r.Id,
                Reason = $"INVALID_{r.Kind.ToUpperInvariant()}",
                Detail = r.Detail,
            });
        }
        return reply;
    }
}
