namespace ZhijiangLive.Scoring.Rubrics.Measures;

/// <summary>
/// What the rubrics measure of one teacher's space beyond its points. Absent until the teacher does something
/// a rubric measures; kept up by <see cref="MeasureKeeper"/>, read by <see cref="MeasureReader"/>.
/// </summary>
public sealed class TeacherMeasures
{
    public Dictionary<string, PublishedResource>? Resources { get; set; }
    public HashSet<string>? Followers { get; set; }
    public HashSet<string>? Following { get; set; }
    public int Visits { get; set; }
    /// <summary>Who visited on each day an event may still arrive for, so a user counts once a day.</summary>
    public Dictionary<int, HashSet<string>>? VisitorsByDay { get; set; }
    public int PositiveReviews { get; set; }
    public int DownloadsAndReposts { get; set; }
    /// <summary>One per registration of this teacher as a candidate, counting from its start.</summary>
    public List<CandidateTally>? Tallies { get; set; }

    public CandidateTally? TallyFor(string rubricId, int year) =>
        Tallies?.Find(t => t.Year == year && string.Equals(t.RubricId, rubricId, StringComparison.Ordinal));
}

/// <summary>A resource as its publication described it; a deleted one no longer counts.</summary>
public sealed class PublishedResource(string kind, bool original)
{
    public string Kind { get; } = kind;
    public bool Original { get; } = original;
    public bool Deleted { get; set; }
}
