using Microsoft.Extensions.Logging;
using ZhijiangLive.Grains.Aggregation;

namespace ZhijiangLive.Grains.Forwarding;

/// <summary>
/// The reports this silo's schools forward, waiting for their counties: one call per county per window, where a
/// window of each school's own sent about one call per report, as a school rarely has two in one window.
/// </summary>
public sealed class CountyOutbox(GrainReferences references, TimeSpan window, ILogger<CountyOutbox> logger) : ReportOutbox(window, logger)
{
    protected override string ParentOf(in TeacherChange report) =>
        report.CountyId ?? throw new InvalidOperationException($"teacher {report.TeacherId}'s report left its school without a county");

    protected override Task SendAsync(string parent, TeacherChange[] reports) => references.Region(parent).ReceiveAsync(reports);
}
