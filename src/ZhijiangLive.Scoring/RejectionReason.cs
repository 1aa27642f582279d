namespace ZhijiangLive.Scoring;

/// <summary>Why an event was refused before it could earn anything. Codes are public (SPEC §2–§4).</summary>
public enum RejectionReason
{
    None = 0,
    OutOfWindow,
    UnknownApp,
    MissingField,
    InvalidField,
    UnknownTeacher,
    TeacherLocked,
}

public static class RejectionReasonCodes
{
    public static string ToCode(this RejectionReason reason) => reason switch
    {
        RejectionReason.None => "",
        RejectionReason.OutOfWindow => "OUT_OF_WINDOW",
        RejectionReason.UnknownApp => "UNKNOWN_APP",
        RejectionReason.MissingField => "MISSING_FIELD",
        RejectionReason.InvalidField => "INVALID_FIELD",
        RejectionReason.UnknownTeacher => "UNKNOWN_TEACHER",
        RejectionReason.TeacherLocked => "TEACHER_LOCKED",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
