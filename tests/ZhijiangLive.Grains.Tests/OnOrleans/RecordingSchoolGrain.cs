using Orleans;
using ZhijiangLive.Grains.Aggregation;
using ZhijiangLive.Grains.Schools;

namespace ZhijiangLive.Grains.Tests.OnOrleans;

/// <summary>Stands in for the school until it moves onto Orleans: writes down what teachers report.</summary>
internal sealed class RecordingSchoolGrain(ReportLog log) : Grain, ISchoolGrain
{
    public Task ReceiveAsync(TeacherChange[] reports)
    {
        var schoolId = this.GetPrimaryKeyString();
        foreach (var report in reports)
        {
            log.Add(schoolId, report);
        }
        return Task.CompletedTask;
    }
}
