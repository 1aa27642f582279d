using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;

namespace ZhijiangLive.Silo.Tests.Grpc;

/// <summary>Server reflection, as grpcurl and Postman use it: open to anyone, naming the public contract.</summary>
public sealed class ServerReflectionTests() : SeededSilo
{
    [Fact]
    public async Task ListServices_NamesEveryServiceOfTheContract_WithoutCredentials()
    {
        var replies = await AskAsync(new ServerReflectionRequest { ListServices = "" });

        var names = Assert.Single(replies).ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("zhijiang.live.v1.Ingest", names);
        Assert.Contains("zhijiang.live.v1.Roster", names);
        Assert.Contains("zhijiang.live.v1.Query", names);
        Assert.Contains("grpc.health.v1.Health", names);
    }

    [Fact]
    public async Task FileContainingSymbol_DescribesTheIngestService()
    {
        var replies = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = "zhijiang.live.v1.Ingest" });

        var files = Assert.Single(replies).FileDescriptorResponse.FileDescriptorProto;
        var described = files.Select(f => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(f)).ToList();
        var ingest = described.SelectMany(f => f.Service).Single(s => s.Name == "Ingest");
        Assert.Equal(["Publish", "PublishStream"], ingest.Method.Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    private async Task<List<ServerReflectionResponse>> AskAsync(ServerReflectionRequest request)
    {
        using var channel = GrpcChannel.ForAddress(Silo.GrpcAddress);
        var client = new ServerReflection.ServerReflectionClient(channel);
        using var call = client.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(10));
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        var replies = new List<ServerReflectionResponse>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            replies.Add(reply);
        }
        return replies;
    }
}
