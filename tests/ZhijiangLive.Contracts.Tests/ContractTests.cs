using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Contracts.V1;

namespace ZhijiangLive.Contracts.Tests;

/// <summary>The public names of the contract are what clients are built against: pin them.</summary>
public sealed class ContractTests
{
    [Fact]
    public void Services_HaveTheirPublicNamesAndMethods()
    {
        string[] Methods(Google.Protobuf.Reflection.ServiceDescriptor s) => [.. s.Methods.Select(m => m.Name)];
        var ingest = IngestReflection.Descriptor.Services.Single();
        var roster = RosterReflection.Descriptor.Services.Single();
        var query = QueryReflection.Descriptor.Services.Single();
        var evaluation = EvaluationReflection.Descriptor.Services.Single();
        var health = Grpc.Health.V1.HealthReflection.Descriptor.Services.Single();

        Assert.Equal("zhijiang.live.v1.Ingest", ingest.FullName);
        Assert.Equal(["Publish", "PublishStream"], Methods(ingest));
        Assert.True(ingest.Methods[1].IsClientStreaming && ingest.Methods[1].IsServerStreaming);
        Assert.Equal("zhijiang.live.v1.Roster", roster.FullName);
        Assert.Equal(["Upsert"], Methods(roster));
        Assert.Equal("zhijiang.live.v1.Query", query.FullName);
        Assert.Equal(["GetTeacher", "GetSchool", "GetRegion", "GetLeaderboard", "ExplainTeacher"], Methods(query));
        Assert.Equal("zhijiang.live.v1.Evaluation", evaluation.FullName);
        Assert.Equal(["ListRubrics", "Register", "ScoreExpert", "GetSheet", "GetRanking"], Methods(evaluation));
        Assert.Equal("grpc.health.v1.Health", health.FullName);
        Assert.Equal(["Check", "Watch"], Methods(health));
    }

    [Fact]
    public void ActivityEvent_BodyOneof_HasThePublicFieldNames()
    {
        var body = ActivityEvent.Descriptor.Oneofs.Single();
        Assert.Equal("body", body.Name);
        Assert.Equal(
            ["login", "profile_updated", "mobile_operation", "resource_spread", "resource_reviewed", "resource_deleted",
             "teaching_session", "task_published", "task_engagement", "interaction", "app_usage",
             "resource_published", "homework_marked", "space_followed", "space_following", "space_visited", "review_received"],
            body.Fields.Select(f => f.Name));
        Assert.Equal(Enumerable.Range(10, 17), body.Fields.Select(f => f.FieldNumber));
    }

    [Fact]
    public void PublishRequest_RoundTripsEveryBody()
    {
        var at = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        var request = new PublishRequest
        {
            Events =
            {
                new ActivityEvent { EventId = "e1", TeacherId = "t", OccurredAt = at, Client = Client.Mobile, Login = new Login() },
                new ActivityEvent { EventId = "e2", TeacherId = "t", OccurredAt = at, ResourceReviewed = new ResourceReviewed { ResourceId = "r", Level = ReviewLevel.Province } },
                new ActivityEvent { EventId = "e3", TeacherId = "t", OccurredAt = at, TaskEngagement = new TaskEngagement { TaskId = "k", StudentId = "学生", Completed = true } },
                new ActivityEvent { EventId = "e4", TeacherId = "t", OccurredAt = at, AppUsage = new AppUsage { AppId = "weike" } },
                new ActivityEvent { EventId = "e5", TeacherId = "t", OccurredAt = at, ReviewReceived = new ReviewReceived { ReviewerId = "u", Subject = "like", Positive = true } },
            },
        };

        var back = PublishRequest.Parser.ParseFrom(request.ToByteArray());

        Assert.Equal(request, back);
        Assert.Equal(ActivityEvent.BodyOneofCase.TaskEngagement, back.Events[2].BodyCase);
        Assert.Equal("学生", back.Events[2].TaskEngagement.StudentId);
        Assert.Equal(ActivityEvent.BodyOneofCase.ReviewReceived, back.Events[4].BodyCase);
    }
}
