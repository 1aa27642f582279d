namespace ZhijiangLive.Scoring.Rubrics.Measures;

/// <summary>What a measure counts over.</summary>
public enum MeasureWindow
{
    /// <summary>Events accepted after the candidate's registration that occurred on or after its start (报名后统计).</summary>
    Registration,
    /// <summary>The rubric's calendar year in the service's zone.</summary>
    Year,
    /// <summary>Everything the space ever did, as it stands now.</summary>
    Lifetime,
}
