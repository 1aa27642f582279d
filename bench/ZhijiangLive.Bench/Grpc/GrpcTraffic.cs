using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Bench.Province;
using ZhijiangLive.Contracts.V1;
using V1 = ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Bench.Grpc;

/// <summary>The roster and the requests of the gRPC benchmark, all built before anything is timed.</summary>
internal static class GrpcTraffic
{
    public static V1.RosterBatch Roster(ProvinceRoster province)
    {
        var batch = new V1.RosterBatch();
        batch.Regions.AddRange(province.Regions.Select(r => new Region
        {
            Id = r.Id, Name = r.Name, Level = (RegionLevel)r.Level, ParentId = r.ParentId ?? "",
        }));
        batch.Schools.AddRange(province.Schools.Select(s => new School { Id = s.Id, Name = s.Name, CountyId = s.CountyId }));
        batch.Teachers.AddRange(province.Teachers.Select(t => new Teacher { Id = t.Id, Name = t.Name, SchoolId = t.SchoolId, Subject = t.Subject }));
        return batch;
    }

    /// <summary>
    /// Requests of <paramref name="batchSize"/> distinct events each: logins, mobile operations, teaching
    /// sessions and interactions of teachers taken in turn, stamped a little before now.
    /// </summary>
    public static PublishRequest[] Requests(string prefix, ProvinceRoster province, int count, int batchSize)
    {
        var at = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1));
        var requests = new PublishRequest[count];
        var n = 0L;
        for (var r = 0; r < count; r++)
        {
            var request = new PublishRequest();
            for (var i = 0; i < batchSize; i++, n++)
            {
                request.Events.Add(Event($"{prefix}-{n}", province.Teachers[(int)(n % province.Teachers.Count)].Id, at, n));
            }
            requests[r] = request;
        }
        return requests;
    }

    private static ActivityEvent Event(string id, string teacher, Timestamp at, long n)
    {
        var e = new ActivityEvent { EventId = id, TeacherId = teacher, OccurredAt = at, Client = V1.Client.Mobile };
        switch (n % 4)
        {
            case 0: e.Login = new Login(); break;
            case 1: e.MobileOperation = new MobileOperation { Kind = "message" }; break;
            case 2: e.TeachingSession = new TeachingSession { SessionId = id, DurationSeconds = 2400 }; break;
            default: e.Interaction = new Interaction { CounterpartId = $"stu{n % 40}", Kind = "comment" }; break;
        }
        return e;
    }
}
