using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Scoring.Rubrics;
using ZhijiangLive.Scoring.Rubrics.Sheets;
using ZhijiangLive.Silo.Evaluations;
using V1 = ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Silo.Mapping;

/// <summary>Rubrics, sheets and rankings as the contract's Evaluation messages.</summary>
internal static class EvaluationMapping
{
    public static V1.RubricInfo ToWire(Rubric rubric)
    {
        var info = new V1.RubricInfo { Id = rubric.Id, Title = rubric.Title, Total = (double)rubric.Total };
        info.Items.AddRange(rubric.Items.Select(i => new V1.RubricItemInfo
        {
            Id = i.Id, Group = i.Group, Name = i.Name, Cap = (double)i.Cap, Expert = i.Parts.Any(p => p.Expert),
        }));
        info.Tiers.AddRange(rubric.Tiers.Select(t => new V1.AwardTierInfo { Name = t.Name, Share = (double)t.Share }));
        return info;
    }

    public static V1.RubricSheet ToWire(CandidateSheet candidate, EvaluationDesk desk)
    {
        var (standings, sheet) = (candidate.Standings, candidate.Sheet);
        var wire = new V1.RubricSheet
        {
            RubricId = sheet.RubricId, Year = standings.Year, TeacherId = sheet.TeacherId,
            Name = desk.NameOf(sheet.TeacherId), SchoolId = desk.SchoolOf(sheet.TeacherId),
            Total = (double)sheet.Total, Rank = sheet.Rank, Candidates = standings.Sheets.Count, Tier = sheet.Tier ?? "",
        };
        if (standings.Registrations.GetValueOrDefault(sheet.TeacherId) is { } registration)
        {
            wire.RegisteredFrom = Timestamp.FromDateTimeOffset(registration.From);
        }
        wire.Items.AddRange(sheet.Items.Select(ToWire));
        return wire;
    }

    public static V1.EvaluationRanking ToWire(RegionStandings ranking, EvaluationDesk desk, int offset, int limit)
    {
        var wire = new V1.EvaluationRanking
        {
            RubricId = ranking.Standings.Rubric.Id, Year = ranking.Standings.Year, RegionId = ranking.RegionId,
            TotalCandidates = ranking.Entries.Count,
        };
        wire.Entries.AddRange(ranking.Entries.Skip(offset).Take(limit).Select(e => new V1.RankedCandidate
        {
            Rank = e.Rank, ProvinceRank = e.Sheet.Rank, TeacherId = e.Sheet.TeacherId, Name = desk.NameOf(e.Sheet.TeacherId),
            SchoolId = desk.SchoolOf(e.Sheet.TeacherId), Total = (double)e.Sheet.Total, Tier = e.Sheet.Tier ?? "",
        }));
        return wire;
    }

    private static V1.SheetItem ToWire(SheetItem item)
    {
        var wire = new V1.SheetItem
        {
            Id = item.Id, Group = item.Group, Name = item.Name, Cap = (double)item.Cap, Points = (double)item.Points, Next = ToWire(item.Next),
        };
        if (item.Measured is { } measured) wire.Measured = measured;
        wire.Parts.AddRange(item.Parts.Select(p =>
        {
            var part = new V1.SheetPart
            {
                Measure = p.Measure ?? "", Points = (double)p.Points, Max = (double)p.Max, Expert = p.Expert, Entered = p.Entered, Next = ToWire(p.Next),
            };
            if (p.Measured is { } value) part.Measured = value;
            return part;
        }));
        return wire;
    }

    private static V1.MissingToNext? ToWire(MissingToNext? next) => next is null ? null : new V1.MissingToNext { Measure = next.Measure, More = next.More };
}
