using System.Collections.Concurrent;
using ZhijiangLive.Grains.Aggregation;

namespace ZhijiangLive.Grains.Tests.OnOrleans;

/// <summary>Every teacher report that reached a school grain, per school.</summary>
internal sealed class ReportLog
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TeacherChange>> _bySchool = new();

    public void Add(string schoolId, TeacherChange report) =>
        _bySchool.GetOrAdd(schoolId, _ => new ConcurrentQueue<TeacherChange>()).Enqueue(report);

    /// <summary>What a school keeps: the newest report of each teacher, by sequence number.</summary>
    public List<TeacherChange> LatestAt(string schoolId) => _bySchool.TryGetValue(schoolId, out var reports)
        ? reports.GroupBy(r => r.TeacherId).Select(g => g.MaxBy(r => r.Seq)).OrderBy(r => r.TeacherId, StringComparer.Ordinal).ToList()
        : [];
}
