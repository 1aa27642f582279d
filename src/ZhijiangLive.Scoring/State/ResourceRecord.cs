namespace ZhijiangLive.Scoring.State;

/// <summary>One of the teacher's resources: who spread it, what it earned, which reviews it passed.</summary>
public sealed class ResourceRecord
{
    /// <summary>Distinct spreading users; released once the resource is deleted, since none can count after.</summary>
    public HashSet<string>? Spreaders { get; set; }

    /// <summary>传播数: distinct spreading users over the resource's life, exact past the point cap.</summary>
    public int SpreadCount { get; set; }

    public int SpreadPoints { get; set; }

    /// <summary>Bit <c>1 &lt;&lt; level</c> is set once that review level has paid.</summary>
    public byte ReviewLevelsPaid { get; set; }

    /// <summary>Review points currently held, which a deletion takes back.</summary>
    public int ReviewPoints { get; set; }

    /// <summary>The part of <see cref="ReviewPoints"/> earned on mobile clients, taken back from mobile points.</summary>
    public int MobileReviewPoints { get; set; }

    public bool Deleted { get; set; }
}
