using System.Text.Json;

namespace ZhijiangLive.Silo.Tests.Live;

// What a hub sends a client, as far as these tests need it (the JSON hub protocol's message types).

/// <summary>The hub calling a client method (type 1 without an invocation id): its name and arguments.</summary>
internal sealed record HubInvocation(string Target, IReadOnlyList<JsonElement> Arguments)
{
    public T Argument<T>(int index) => Arguments[index].Deserialize<T>(JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException($"argument {index} of '{Target}' is null");
}

/// <summary>An invocation the hub completed with an error (type 3 with "error"): the server's message.</summary>
internal sealed class HubCallException(string message) : Exception(message);

internal static class HubMessageType
{
    public const int Invocation = 1;
    public const int Completion = 3;
    public const int Ping = 6;
    public const int Close = 7;
}
