namespace ZhijiangLive.Client;

/// <summary>The full method paths of the service, for calls through the generic cores.</summary>
public static class ServiceMethods
{
    public const string Publish = "/zhijiang.live.v1.Ingest/Publish";
    public const string PublishStream = "/zhijiang.live.v1.Ingest/PublishStream";
    public const string RosterUpsert = "/zhijiang.live.v1.Roster/Upsert";
    public const string GetTeacher = "/zhijiang.live.v1.Query/GetTeacher";
    public const string GetSchool = "/zhijiang.live.v1.Query/GetSchool";
    public const string GetRegion = "/zhijiang.live.v1.Query/GetRegion";
    public const string GetLeaderboard = "/zhijiang.live.v1.Query/GetLeaderboard";
    public const string ExplainTeacher = "/zhijiang.live.v1.Query/ExplainTeacher";
    public const string HealthCheck = "/grpc.health.v1.Health/Check";
    public const string HealthWatch = "/grpc.health.v1.Health/Watch";
}
