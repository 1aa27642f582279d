using System.Diagnostics;
using ZhijiangLive.Client;
using ZhijiangLive.Contracts.V1;
using ZhijiangLive.LoadTests.Measure;

namespace ZhijiangLive.LoadTests.Province;

/// <summary>
/// Uploads a generated province through <c>Roster.Upsert</c>: the regions and schools in one call, then the
/// teachers in chunks, with progress. Any rejection stops the run: traffic against a wrong roster measures nothing.
/// </summary>
public static class RosterUpload
{
    /// <summary>Uploads the province; returns how long it took.</summary>
    public static async Task<TimeSpan> UploadAsync(ZhijiangClient client, GeneratedProvince province, int chunk, ProgressView progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var places = new RosterBatch();
        places.Regions.AddRange(province.Regions.Select(r => new Region
        {
            Id = r.Id, Name = r.Name, ParentId = r.ParentId ?? "",
            Level = r.Level switch { "province" => RegionLevel.Province, "city" => RegionLevel.City, _ => RegionLevel.County },
        }));
        places.Schools.AddRange(province.Schools.Select(s => new School { Id = s.Id, Name = s.Name, CountyId = s.CountyId }));
        places.Schools.Add(new School { Id = GeneratedProvince.MarkerSchoolId, Name = "负载测试标记学校", CountyId = province.MarkerCountyId });
        places.Teachers.Add(new Teacher { Id = GeneratedProvince.MarkerTeacherId, Name = "标记教师", SchoolId = GeneratedProvince.MarkerSchoolId, Subject = "信息技术" });
        Check(await client.UpsertRosterAsync(places, cancellationToken: cancellationToken), "regions and schools");

        for (var first = 0; first < province.Teachers; first += chunk)
        {
            var batch = new RosterBatch();
            for (var t = first; t < Math.Min(province.Teachers, first + chunk); t++)
            {
                batch.Teachers.Add(new Teacher
                {
                    Id = GeneratedProvince.TeacherId(t), Name = SchoolNames.Teacher(t),
                    SchoolId = province.Schools[province.SchoolOfTeacher[t]].Id, Subject = SchoolNames.Subject(t),
                });
            }
            Check(await client.UpsertRosterAsync(batch, cancellationToken: cancellationToken), $"teachers from {first}");
            var done = Math.Min(province.Teachers, first + chunk);
            progress.Roster(done, province.Teachers);
        }
        progress.Done($"roster: {province.Regions.Count} regions, {province.Schools.Count + 1:N0} schools, {province.Teachers + 1:N0} teachers uploaded in {clock.Elapsed.TotalSeconds:0.0} s");
        return clock.Elapsed;
    }

    private static void Check(RosterReply reply, string what)
    {
        if (reply.Rejections.Count > 0)
        {
            var first = reply.Rejections[0];
            throw new InvalidOperationException($"the server refused {reply.Rejections.Count} roster entries ({what}); the first: {first.Reason} {first.Detail}");
        }
    }
}
