using Microsoft.Extensions.Logging;
using ZhijiangLive.Grains.Aggregation;

namespace ZhijiangLive.Grains.Forwarding;

/// <summary>The reports of this silo's teachers waiting for their schools: one call per school per window.</summary>
public sealed class SchoolOutbox(GrainReferences references, TimeSpan window, ILogger<SchoolOutbox> logger) : ReportOutbox(window, logger)
{
    protected override string ParentOf(in TeacherChange report) => report.SchoolId;

    protected override Task SendAsync(string parent, TeacherChange[] reports) => references.School(parent).ReceiveAsync(reports);
}
