using Grpc.Core;
using Google.Protobuf.WellKnownTypes;
using ZhijiangLive.Contracts.V1;
using static ZhijiangLive.Silo.Tests.Evaluations.EvaluationFixtures;

namespace ZhijiangLive.Silo.Tests.Evaluations;

/// <summary>
/// The Evaluation service on a running silo: a bureau registers candidates and enters expert points for its
/// own region only, the sheet follows the events, and the ranking of a region ranks its candidates.
/// </summary>
public sealed class EvaluationServiceTests : EvaluationSilo
{
    [Fact]
    public async Task ASheet_FollowsTheEvents_AndTheExpertPoints_AndRanksInTheProvince()
    {
        using var province = Silo.QueryClient();
        using var platform = Silo.PlatformClient();
        var registered = await province.RegisterCandidatesAsync(Register([.. XihuTeachers, .. ShangchengTeachers]));
        await platform.PublishAsync(Activity(RunningSilo.Now));
        var scored = await province.ScoreExpertAsync(Expert("T00", "typical_case", 7.5));

        var sheet = await province.GetSheetAsync(new SheetRequest { RubricId = Rubric, Year = Year, TeacherId = "T00" });

        Assert.Equal((23, 0), (registered.Candidates, registered.Rejections.Count));
        Assert.Equal((1, 0), (scored.ExpertScores, scored.Rejections.Count));
        Assert.Equal(T00Points, sheet.Items.Where(i => i.Points != 0).ToDictionary(i => i.Id, i => i.Points));
        Assert.Equal((15.5, 1, 23), (sheet.Total, sheet.Rank, sheet.Candidates));
        // 23 candidates: 一等奖 takes rank 1 (5 % of 23, rounded down, is 1).
        Assert.Equal("一等奖", sheet.Tier);
        Assert.Equal(RunningSilo.Now, sheet.RegisteredFrom.ToDateTimeOffset());
        var attention = sheet.Items.Single(i => i.Id == "attention");
        Assert.Equal([(12L, 1.0), (10L, 2.0)], attention.Parts.Select(p => (p.Measured, p.Points)));
        // 12 followers of the 20 the next point needs.
        Assert.Equal(("followers", 8L), (attention.Next.Measure, attention.Next.More));
        var typicalCase = sheet.Items.Single(i => i.Id == "typical_case");
        Assert.True(typicalCase.Parts.Single().Entered);
        Assert.False(typicalCase.HasMeasured);
    }

    [Fact]
    public async Task ARanking_OfARegion_RanksItsCandidates_BesideTheirProvinceRank()
    {
        using var province = Silo.QueryClient();
        using var platform = Silo.PlatformClient();
        await province.RegisterCandidatesAsync(Register("T00", "T01", "T02", "T20"));
        await platform.PublishAsync(Activity(RunningSilo.Now));
        var interaction = Activity(RunningSilo.Now).Events.Last().Clone();
        interaction.EventId = "ev-t20";
        interaction.TeacherId = "T20";
        await platform.PublishAsync(new PublishRequest { Events = { interaction } });

        var xihu = await province.GetEvaluationRankingAsync(new EvaluationRankingRequest { RubricId = Rubric, Year = Year, RegionId = Xihu });
        var city = await province.GetEvaluationRankingAsync(new EvaluationRankingRequest { RubricId = Rubric, Year = Year, RegionId = "330100" });

        Assert.Equal([(1, 1, "T00", 8.0), (2, 2, "T01", 1.0), (3, 4, "T02", 0.0)],
            xihu.Entries.Select(e => (e.Rank, e.ProvinceRank, e.TeacherId, e.Total)));
        Assert.Equal(3, xihu.TotalCandidates);
        Assert.Equal([(1, "T00"), (2, "T01"), (2, "T20"), (4, "T02")], city.Entries.Select(e => (e.Rank, e.TeacherId)));
        Assert.Equal(("老师T00", "S1"), (city.Entries[0].Name, city.Entries[0].SchoolId));
    }

    [Fact]
    public async Task ACountyToken_RegistersAndScores_OnlyItsOwnCandidates()
    {
        using var xihu = Silo.QueryClient(TestCredentials.TokenFor(Xihu));
        using var province = Silo.QueryClient();

        var own = await xihu.RegisterCandidatesAsync(Register("T00", "T01"));
        var mixed = await Assert.ThrowsAsync<RpcException>(() => xihu.RegisterCandidatesAsync(Register("T02", "T20")));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => xihu.RegisterCandidatesAsync(Register("T99")));
        await province.RegisterCandidatesAsync(Register("T21"));
        var otherScore = await Assert.ThrowsAsync<RpcException>(() => xihu.ScoreExpertAsync(Expert("T21", "typical_case", 5)));
        var ownScore = await xihu.ScoreExpertAsync(Expert("T01", "typical_case", 5));
        var otherSheet = await Assert.ThrowsAsync<RpcException>(() => xihu.GetSheetAsync(new SheetRequest { RubricId = Rubric, Year = Year, TeacherId = "T21" }));
        var otherRanking = await Assert.ThrowsAsync<RpcException>(() =>
            xihu.GetEvaluationRankingAsync(new EvaluationRankingRequest { RubricId = Rubric, Year = Year, RegionId = Shangcheng }));
        var ownRanking = await xihu.GetEvaluationRankingAsync(new EvaluationRankingRequest { RubricId = Rubric, Year = Year });

        Assert.Equal(2, own.Candidates);
        Assert.All([mixed, unknown, otherScore, otherSheet, otherRanking], e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal("teacher 'T20' is outside this token's region; nothing of this request was taken", mixed.Status.Detail);
        // The refused request took nothing, not even its teacher inside the region.
        Assert.DoesNotContain("T02", Silo.Cluster.Roster.Candidates.Of(Rubric, Year).Select(c => c.Registration.TeacherId));
        Assert.Equal(1, ownScore.ExpertScores);
        Assert.Equal([("T01", 5.0), ("T00", 0.0)], ownRanking.Entries.Select(e => (e.TeacherId, e.Total)));
        Assert.Equal((Xihu, 2), (ownRanking.RegionId, ownRanking.TotalCandidates));
        var registration = Silo.Cluster.Roster.Candidates.Find(Rubric, Year, "T00")!.Registration;
        Assert.StartsWith($"token:", registration.By);
        Assert.EndsWith($"@{Xihu}", registration.By);
    }

    [Fact]
    public async Task EntriesTheRubricRefuses_AreRejections_AndTheOthersAreTaken()
    {
        using var province = Silo.QueryClient();
        var registration = Register("T00", "T01");
        registration.Candidates[1].RubricId = "beauty-contest";
        var registered = await province.RegisterCandidatesAsync(registration);
        var scores = new ScoreExpertRequest();
        scores.Scores.AddRange([
            Expert("T00", "homework", 3).Scores[0],
            Expert("T00", "typical_case", 10.5).Scores[0],
            Expert("T01", "typical_case", 2).Scores[0],
            Expert("T00", "typical_case", 9.25).Scores[0],
        ]);

        var scored = await province.ScoreExpertAsync(scores);

        Assert.Equal(1, registered.Candidates);
        Assert.Equal((1, "INVALID_CANDIDATE", "T01"), (registered.Rejections.Single().Index, registered.Rejections[0].Reason, registered.Rejections[0].EventId));
        Assert.StartsWith("rubric 'beauty-contest' is unknown", registered.Rejections[0].Detail);
        Assert.Equal(1, scored.ExpertScores);
        Assert.Equal(
            [(0, "item 'homework' is measured, not scored by experts"), (1, "item 'typical_case' takes 0 to 10 points, not 10.5"),
             (2, "teacher 'T01' is not a candidate of guizhou-2021 2026")],
            scored.Rejections.Select(r => (r.Index, r.Detail)));
        var sheet = await province.GetSheetAsync(new SheetRequest { RubricId = Rubric, Year = Year, TeacherId = "T00" });
        Assert.Equal(9.25, sheet.Items.Single(i => i.Id == "typical_case").Points);
    }

    [Theory]
    [InlineData(-1, "is before today")]
    [InlineData(24 * 320, "is not in 2026")]
    public async Task AFrom_BeforeTodayOrOutsideTheYear_IsInvalid(int hours, string reason)
    {
        using var province = Silo.QueryClient();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            province.RegisterCandidatesAsync(Register(RunningSilo.Now.AddHours(hours).AddHours(-10), "T00")));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(reason, error.Status.Detail);
        Assert.Empty(Silo.Cluster.Roster.Candidates.Of(Rubric, Year));
    }

    [Fact]
    public async Task AWithdrawnCandidate_LeavesTheRanking_AndASheetOfANonCandidateIsNotFound()
    {
        using var province = Silo.QueryClient();
        await province.RegisterCandidatesAsync(Register("T00", "T01"));
        var withdrawal = Register("T01");
        withdrawal.Candidates[0].Withdrawn = true;

        var withdrawn = await province.RegisterCandidatesAsync(withdrawal);
        var ranking = await province.GetEvaluationRankingAsync(new EvaluationRankingRequest { RubricId = Rubric, Year = Year });
        var notCandidate = await Assert.ThrowsAsync<RpcException>(() =>
            province.GetSheetAsync(new SheetRequest { RubricId = Rubric, Year = Year, TeacherId = "T01" }));
        var unknownRubric = await Assert.ThrowsAsync<RpcException>(() =>
            province.GetSheetAsync(new SheetRequest { RubricId = "nope", Year = Year, TeacherId = "T00" }));

        Assert.Equal(1, withdrawn.Candidates);
        Assert.Equal(["T00"], ranking.Entries.Select(e => e.TeacherId));
        Assert.Equal((StatusCode.NotFound, "teacher 'T01' is not a candidate of guizhou-2021 2026"), (notCandidate.StatusCode, notCandidate.Status.Detail));
        Assert.Equal(StatusCode.NotFound, unknownRubric.StatusCode);
    }

    [Fact]
    public async Task TheRosterFeed_CannotCarryCandidates()
    {
        using var platform = Silo.PlatformClient();
        var batch = new RosterBatch { Candidates = { new Candidate { RubricId = Rubric, Year = Year, TeacherId = "T00", From = Timestamp.FromDateTimeOffset(RunningSilo.Now) } } };

        var error = await Assert.ThrowsAsync<RpcException>(() => platform.UpsertRosterAsync(batch));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("zhijiang.live.v1.Evaluation", error.Status.Detail);
        Assert.Empty(Silo.Cluster.Roster.Candidates.Of(Rubric, Year));
    }

    [Fact]
    public async Task TheRubrics_AreListed_WithTheirItemsAndTiers()
    {
        using var province = Silo.QueryClient();

        var list = await province.ListRubricsAsync();

        Assert.Equal(["featured-2018", "guizhou-2021"], list.Rubrics.Select(r => r.Id));
        Assert.Equal((100.0, 11), (list.Rubrics[0].Total, list.Rubrics[0].Items.Count));
        Assert.Equal((105.0, 22), (list.Rubrics[1].Total, list.Rubrics[1].Items.Count));
        Assert.Equal([("一等奖", 0.05), ("二等奖", 0.10), ("三等奖", 0.20)], list.Rubrics[1].Tiers.Select(t => (t.Name, t.Share)));
    }
}
