using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Contracts.Tests;

/// <summary>
/// tools/zhijiang-live.protoset is the contract as a FileDescriptorSet, for clients that build their message
/// classes at run time (the Python tools: Debian's protobuf has no protoc). It must be the contract we compile.
/// </summary>
public sealed class ProtosetTests
{
    private const string RelativePath = "tools/zhijiang-live.protoset";

    [Fact]
    public void CommittedProtoset_IsTheCompiledContract()
    {
        var expected = Protoset().ToByteArray();
        var path = Path.Combine(RepositoryRoot(), RelativePath);
        if (Environment.GetEnvironmentVariable("UPDATE_PROTOSET") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, expected);
        }

        var committed = File.Exists(path) ? File.ReadAllBytes(path) : [];

        Assert.True(expected.AsSpan().SequenceEqual(committed),
            $"{RelativePath} differs from the contract compiled into ZhijiangLive.Contracts; regenerate it with " +
            "UPDATE_PROTOSET=1 dotnet test tests/ZhijiangLive.Contracts.Tests --filter ProtosetTests, and commit it");
    }

    [Fact]
    public void Protoset_HoldsEveryCompiledProtoFile_AfterItsDependencies()
    {
        var compiled = typeof(IngestReflection).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", typeof(FileDescriptor))?.GetValue(null))
            .OfType<FileDescriptor>()
            .Select(f => f.Name);
        var seen = new List<string>();
        foreach (var file in Protoset().File)
        {
            Assert.All(file.Dependency, d => Assert.Contains(d, seen));
            seen.Add(file.Name);
        }

        Assert.Subset(seen.ToHashSet(), compiled.ToHashSet());
        Assert.Contains("google/protobuf/timestamp.proto", seen);
    }

    private static FileDescriptorSet Protoset()
    {
        FileDescriptor[] inOrder =
        [
            TimestampReflection.Descriptor, IngestReflection.Descriptor, RosterReflection.Descriptor,
            QueryReflection.Descriptor, EvaluationReflection.Descriptor, Grpc.Health.V1.HealthReflection.Descriptor,
        ];
        var set = new FileDescriptorSet();
        set.File.AddRange(inOrder.Select(f => FileDescriptorProto.Parser.ParseFrom(f.SerializedData)));
        return set;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ZhijiangLive.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"no ZhijiangLive.sln above {AppContext.BaseDirectory}");
    }
}
