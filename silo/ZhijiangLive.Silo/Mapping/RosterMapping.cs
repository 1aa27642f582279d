using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Grains.Cluster;
using ZhijiangLive.Grains.Evaluations;
using ZhijiangLive.Grains.Roster;
using V1 = ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Silo.Mapping;

/// <summary>The contract's roster messages as the cluster's entries, and its result as a reply.</summary>
internal static class RosterMapping
{
    public static RosterBatch ToDomain(V1.RosterBatch batch) => new(
        batch.Regions.Select(r => new RegionEntry(r.Id, r.Name, (RegionLevel)r.Level, r.ParentId.Length == 0 ? null : r.ParentId)).ToList(),
        batch.Schools.Select(s => new SchoolEntry(s.Id, s.Name, s.CountyId)).ToList(),
        batch.Teachers.Select(t => new TeacherEntry(t.Id, t.Name, t.SchoolId, t.Subject, t.Locked)).ToList())
    {
        Candidates = batch.Candidates.Select(ToDomain).ToList(),
        ExpertScores = batch.ExpertScores.Select(ToDomain).ToList(),
    };

    // A registration without `from` can only come from an old journal; the Evaluation service always sets it.
    public static CandidateRegistration ToDomain(V1.Candidate c) => new(
        c.RubricId, c.Year, c.TeacherId, c.From?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch, c.Withdrawn, c.RegisteredBy);

    public static ExpertScore ToDomain(V1.ExpertScore e) =>
        new(e.RubricId, e.Year, e.TeacherId, e.ItemId, (decimal)e.Points, e.ScoredBy);

    public static V1.Candidate ToWire(CandidateRegistration c) => new()
    {
        RubricId = c.RubricId, Year = c.Year, TeacherId = c.TeacherId, From = Timestamp.FromDateTimeOffset(c.From),
        Withdrawn = c.Withdrawn, RegisteredBy = c.By ?? "",
    };

    public static V1.ExpertScore ToWire(ExpertScore e) => new()
    {
        RubricId = e.RubricId, Year = e.Year, TeacherId = e.TeacherId, ItemId = e.ItemId, Points = (double)e.Points, ScoredBy = e.By ?? "",
    };

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
        var candidates = roster.Candidates.All.ToList();
        batch.Candidates.AddRange(candidates.Select(c => ToWire(c.Registration)));
        batch.ExpertScores.AddRange(candidates.SelectMany(c => c.Expert.Values).Select(ToWire));
        return batch;
    }

    /// <summary>A refused entry's reason names its kind (<c>INVALID_REGION</c>, …); its index counts within that kind's list.</summary>
    public static V1.RosterReply ToReply(RosterResult result)
    {
        var reply = new V1.RosterReply
        {
            Regions = result.Regions, Schools = result.Schools, Teachers = result.Teachers,
            Candidates = result.Candidates, ExpertScores = result.ExpertScores,
        };
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
