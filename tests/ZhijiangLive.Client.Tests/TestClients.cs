using ZhijiangLive.Contracts.V1;
using ZhijiangLive.Contracts.Wire;

namespace ZhijiangLive.Client.Tests;

/// <summary>Clients wired to a fake handler, and what the call tests send and expect.</summary>
internal static class TestClients
{
    public static PublishRequest Request { get; } = new() { Events = { new ActivityEvent { EventId = "e-1", TeacherId = "t-1", Login = new Login() } } };

    public static PublishReply Reply { get; } = new() { Accepted = 1 };

    public static ZhijiangClient Create(FakeHandler handler, TimeProvider? time = null, TimeSpan? defaultTimeout = null) =>
        new(new Uri("http://zhijiang.test:5081"), new ZhijiangClientOptions
        {
            Handler = handler,
            TimeProvider = time ?? TimeProvider.System,
            DefaultTimeout = defaultTimeout,
            Metadata = [new("authorization", "Bearer token")],
        });

    public static async Task<GrpcStatus> StatusOf(Func<Task> call) => (await Assert.ThrowsAsync<GrpcStatusException>(call)).Status;
}
