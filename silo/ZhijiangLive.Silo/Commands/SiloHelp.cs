namespace ZhijiangLive.Silo.Commands;

/// <summary>The end of the silo's <c>--help</c>: every setting it reads, and what it serves.</summary>
internal static class SiloHelp
{
    public const string Settings = """
        Every setting of appsettings.json can be given on the command line (--name value or --name=value) or in the
        environment:
          --urls <url;url>                              where the JSON API listens (default http://localhost:5080)
          --Zhijiang:Limits:ApiRequestsPerSecondPerToken <n>  JSON API requests a second per token (50; 0: no limit)
          --Zhijiang:Limits:ApiBurstPerToken <n>        JSON API requests at once per token, after a quiet spell (100)
          --Zhijiang:Grpc:Url <url>                     where gRPC listens, HTTP/2 only (http://localhost:5081;
                                                        https:// needs --Zhijiang:Grpc:CertificatePath <pfx>)
          --Zhijiang:Grpc:MaxMessageSize <bytes>        largest request message (4194304)
          --Zhijiang:Grpc:MaxBatchEvents <n>            most events per PublishRequest (10000)
          --Zhijiang:Grpc:StreamPipelineDepth <n>       PublishStream requests scored ahead of their replies (8)
          --Zhijiang:Limits:<name> <value>              Kestrel's and the hub's limits (README "Limits"), e.g.
                                                        MaxStreamsPerConnection (100), MaxRequestHeaderFieldSize (8192),
                                                        MaxRequestHeadersTotalSize (32768), MaxRequestHeaderCount (100),
                                                        MaxConcurrentConnections (none), MinRequestBodyDataRate (240),
                                                        KeepAlivePingDelay (00:01:00), HubMaximumReceiveMessageSize (4096)
          --Zhijiang:RulePackFile <file>                a JSON override laid over the zjer-2018 rule pack
          --Zhijiang:RubricDirectory <dir>              more evaluation rubrics, one *.json each, beside the shipped two
          --Zhijiang:Cluster:SiloPort <n>               the Orleans silo's port for other silos (0: any free one)
          --Zhijiang:Cluster:GatewayPort <n>            the Orleans gateway's port for clients (0: no gateway)
          --Zhijiang:Cluster:NotifyInterval <t>         the most often a followed region pushes (00:00:01)
          --Zhijiang:Cluster:NotifyTop <n>              ranking members per pushed update (10)
          --Zhijiang:Cluster:SchoolActiveRatioTarget <x> / SchoolMeanScoreTarget <x>   (0.15 / 300)
          --Zhijiang:Store:Provider <p>                 sqlite (default), postgres or memory (nothing survives a restart)
          --Zhijiang:DataDirectory <dir>                the silo's files (the checkout's data/ when run from it, else ./data)
          --Zhijiang:Store:SqlitePath <file>            the SQLite file (zhijiang-live.db in the data directory)
          --Zhijiang:Store:ConnectionString <npgsql>    PostgreSQL, e.g. "Host=db;Database=zhijiang;Username=zl;Password=…"
                                                        (set alone, it chooses PostgreSQL)
          --Zhijiang:Store:AppendTimeout <t>            longest journal commit before ingest answers UNAVAILABLE (00:00:05)
          --Zhijiang:Store:RetryInterval <t>            how often a failed commit is tried again (00:00:00.500)
          --Zhijiang:Store:SnapshotInterval <t>         how often changed teachers are snapshotted (00:01:00; 0 turns it off)
          --Zhijiang:Store:SnapshotAfterRecords <n>     or sooner, once this many journal records came after the last round (500000; 0: by time alone)
          --Zhijiang:Store:JournalRetention <t>         journal kept past the snapshots, for a rebuild (30.00:00:00; 0 keeps all)
          --Zhijiang:ShutdownTimeout <t>                longest graceful stop after SIGTERM/Ctrl-C (00:00:30)
          --Zhijiang:Health:ProbeInterval <t>           how often readiness pings the store (00:00:05)
          --Zhijiang:Health:ProbeTimeout <t>            a slower ping counts as the store unreachable (00:00:02)
          --Zhijiang:OrleansDashboard:Enabled true      Orleans' dashboard at /orleans/, for the province's token (off)
          --Logging:Console:FormatterName json          one JSON object per log line (default simple)
          --Logging:LogLevel:Default <level>            Information; per category: --Logging:LogLevel:<category>
          --Zhijiang:Auth:ApiKeys:<i>:Name <n> / :Sha256 <hex>   a platform key (Ingest, Roster) by the SHA-256 of the key
          --Zhijiang:Auth:TokenSigningKeys:<i> <base64>         bureau token signing keys: the first signs, all verify
          --Zhijiang:Auth:FirstRunDirectory <dir>       where first-run credentials go when none are configured (the data directory)
          --Zhijiang:Auth:FirstRunRegion <id>           the region of the first run's token (330000)
          --Zhijiang:Limits:IngestEventsPerSecondPerKey <n>   events a second per platform key (250000; 0: no limit)
          --Zhijiang:Limits:IngestBurstEventsPerKey <n> events a key may send at once (500000)
        Environment variables use double underscores: Zhijiang__Cluster__NotifyTop=20.

        With --demo:
          --Zhijiang:Demo:Scale <x>                     share of the real province (0.02: 240 schools, 12,000 teachers)
          --Zhijiang:Demo:EventsPerSecond <n>           simulated events a second (2000)

        gRPC: zhijiang.live.v1.Ingest, .Roster (authorization: Bearer <platform key>), .Query (Bearer <bureau token>)
              and grpc.health.v1.Health (open) (tools/zhijiang.py is a client). With no credentials configured,
              the first start writes some to first-run-credentials.txt in the data directory.
        Dashboard: http://localhost:5080/ (SignalR hub /hubs/live).
        Operations (HTTP port, no credentials): GET /healthz (live), /readyz (ready: 503 with the failing check),
              /metrics (Prometheus text 0.0.4, or OpenMetrics when asked).
        HTTP: GET /api/teachers/{id}, /api/schools/{id}, /api/regions/{id} (?date=YYYY-MM-DD),
              GET /api/teachers/{id}/ledger?date=YYYY-MM-DD   the day's scoring decisions (recent days)
              GET /api/leaderboards/{scopeId}?kind=teachers|schools|regions&period=day|month|year
                  &date=&limit=&offset=&around=
              GET /api/shortlists/{cityId}?kind=teacher-spaces|digital-schools|club-spaces
              GET /api/session                      the token's region and its expiry
              Every /api route takes 'Authorization: Bearer <bureau token>': 401 without a good one, 403 for an id
              outside its region, 429 past its rate. The dashboard asks for a token (or takes '#token=…' in its
              link); the hub takes it as a Bearer header or '?access_token='.
        """;
}
