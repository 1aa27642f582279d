using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Client.Tests;

internal static class Requests
{
    public static PublishRequest Logins(params string[] eventIds)
    {
        var request = new PublishRequest();
        foreach (var id in eventIds)
        {
            request.Events.Add(new ActivityEvent
            {
                EventId = id, TeacherId = "t-1", OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), Login = new Login(),
            });
        }
        return request;
    }
}
