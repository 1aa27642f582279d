using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Bench.Province;
using ZhijiangLive.Contracts.V1;
using V1 = ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Bench.Grpc;

/// <summary>The roster and the requests of the gRPC and durability benchmarks.</summary>
internal static class GrpcTraffic
{
    public static V1.RosterBatch Roster(ProvinceRoster province) => RosterSlices(province, int.MaxValue).Aggregate((all, slice) =>
    {
        all.Teachers.AddRange(slice.Teachers);
        return all;
    });

    /// <summary>
    /// The roster as a platform uploads it within the message size limit: regions and schools first, then
    /// teachers <paramref name="slice"/> at a time.
    /// </summary>
    public static IEnumerable<V1.RosterBatch> RosterSlices(ProvinceRoster province, int slice)
    {
        var places = new V1.RosterBatch();
        places.Regions.AddRange(province.Regions.Select(r => new Region
        {
            Id = r.Id, Name = r.Name, Level = (RegionLevel)r.Level, ParentId = r.ParentId ?? "",
        }));
        places.Schools.AddRange(province.Schools.Select(s => new School { Id = s.Id, Name = s.Name, CountyId = s.CountyId }));
        yield return places;
        foreach (var teachers in province.Teachers.Chunk(Math.Min(slice, Math.Max(1, province.Teachers.Count))))
        {
            var batch = new V1.RosterBatch();
            batch.Teachers.AddRange(teachers.Select(t => new Teacher { Id = t.Id, Name = t.Name, SchoolId = t.SchoolId, Subject = t.Subject }));
            yield return batch;
        }
    }

    /// <summary>
    /// Requests of <paramref name="batchSize"/> distinct events each: logins, mobile operations, teaching
    /// sessions and interactions of teachers taken in turn, stamped a little before now.
    /// </summary>
    public static PublishRequest[] Requests(string prefix, ProvinceRoster province, int count, int batchSize)
    {
        var at = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1));
        return Enumerable.Range(0, count).Select(r => Request(prefix, province, (long)r * batchSize, batchSize, at)).ToArray();
    }

    /// <summary>One request of the sequence: events <paramref name="first"/> onwards, occurred at <paramref name="at"/>.</summary>
    public static PublishRequest Request(string prefix, ProvinceRoster province, long first, int batchSize, Timestamp at)
    {
        var request = new PublishRequest();
        for (var n = first; n < first + batchSize; n++)
        {
            request.Events.Add(Event($"{prefix}-{n}", province.Teachers[(int)(n % province.Teachers.Count)].Id, at, n));
        }
        return request;
    }

    /// <summary>The n-th event of the mix: a login, a mobile operation, a teaching session or an interaction, in turn.</summary>
    public static ActivityEvent Event(string id, string teacher, Timestamp at, long n)
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
