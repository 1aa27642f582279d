using Orleans.Hosting;
using Orleans.Storage;

namespace ZhijiangLive.Grains.Tests.Storage;

/// <summary>
/// What any <see cref="IGrainStorage"/> of ours must do, through a grain's <see cref="IPersistentState{T}"/> and,
/// where a test needs a second writer, through the provider itself. A provider joins by one subclass that
/// registers it under <see cref="ProfileGrain.StorageName"/>.
/// </summary>
public abstract class GrainStorageContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset s_earned = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private StorageSilo? _silo;

    private StorageSilo Silo => _silo ?? throw new InvalidOperationException("not started");

    /// <summary>Makes what the provider needs before the silo starts (a database, say).</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    /// <summary>Adds the provider under test to the silo, named <see cref="ProfileGrain.StorageName"/>.</summary>
    protected abstract void AddStorage(ISiloBuilder silo);

    public async Task InitializeAsync()
    {
        await PrepareAsync();
        _silo = await StorageSilo.StartAsync(AddStorage);
    }

    public virtual async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    [Fact]
    public async Task NeverWritten_ReadsDefaultState_WithNoRecordAndNoETag()
    {
        var stored = await Grain("never").Read();

        Assert.Equal("", stored.State.Name);
        Assert.Empty(stored.State.Badges);
        Assert.False(stored.RecordExists);
        Assert.Null(stored.ETag);
    }

    [Fact]
    public async Task Write_ThenReactivate_ReadsBackTheSameState()
    {
        var grain = Grain("written");
        await grain.Write(Sample("李老师", 42));
        var before = await grain.Read();
        await grain.Deactivate();

        var after = await grain.Read();

        AssertSame(Sample("李老师", 42), after.State);
        Assert.True(after.RecordExists);
        Assert.Equal(before.ETag, after.ETag);
    }

    [Fact]
    public async Task WriteTwice_ThenReactivate_ReadsTheSecond_UnderANewETag()
    {
        var grain = Grain("rewritten");
        await grain.Write(Sample("first", 1));
        string? first = (await grain.Read()).ETag;
        await grain.Write(Sample("second", 2));
        await grain.Deactivate();

        var after = await grain.Read();

        AssertSame(Sample("second", 2), after.State);
        Assert.NotNull(after.ETag);
        Assert.NotEqual(first, after.ETag);
    }

    [Fact]
    public async Task NestedRecords_RoundTripField_ForField()
    {
        var grain = Grain("nested");
        var profile = new Profile
        {
            Name = "王老师",
            Points = 7,
            Home = new Place("杭州市", "西湖区"),
            Badges =
            [
                new Badge("first lesson", s_earned, new Place("杭州市", "上城区")),
                new Badge("no place", s_earned.AddDays(1), null),
            ],
        };
        await grain.Write(profile);
        await grain.Deactivate();

        var after = (await grain.Read()).State;

        Assert.Equal(new Place("杭州市", "西湖区"), after.Home);
        Assert.Equal(profile.Badges, after.Badges);
    }

    [Fact]
    public async Task Clear_ThenReactivate_ReadsDefault_WithNoRecord()
    {
        var grain = Grain("cleared");
        await grain.Write(Sample("gone", 5));
        await grain.Clear();
        var cleared = await grain.Read();
        await grain.Deactivate();

        var after = await grain.Read();

        Assert.False(cleared.RecordExists);
        Assert.Equal("", after.State.Name);
        Assert.Equal(0, after.State.Points);
        Assert.False(after.RecordExists);
    }

    [Fact]
    public async Task Clear_ThenWrite_BothInOneActivationAndAfterReactivation_Succeed()
    {
        var grain = Grain("revived");
        await grain.Write(Sample("one", 1));
        await grain.Clear();
        await grain.Write(Sample("two", 2));
        await grain.Deactivate();
        await grain.Clear();
        await grain.Deactivate();
        await grain.Write(Sample("three", 3));
        await grain.Deactivate();

        var after = await grain.Read();

        AssertSame(Sample("three", 3), after.State);
        Assert.True(after.RecordExists);
    }

    [Fact]
    public async Task Write_AfterTheStoredStateChangedUnderIt_ThrowsInconsistentState_AndKeepsTheOtherWrite()
    {
        var grain = Grain("changed-under");
        await grain.Write(Sample("mine", 1));
        var theirs = await ReadDirectAsync(grain);
        theirs.State = Sample("theirs", 2);
        await Silo.Storage.WriteStateAsync(ProfileGrain.StateName, grain.GetGrainId(), theirs);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Write(Sample("mine again", 3)));

        await grain.Deactivate();
        AssertSame(Sample("theirs", 2), (await grain.Read()).State);
    }

    [Fact]
    public async Task TwoWritersFromTheSameVersion_ExactlyOneWins()
    {
        var grain = Grain("race");
        await grain.Write(Sample("start", 0));
        var first = await ReadDirectAsync(grain);
        var second = await ReadDirectAsync(grain);
        first.State = Sample("first", 1);
        second.State = Sample("second", 2);

        var outcomes = await Task.WhenAll(
            Outcome(Silo.Storage.WriteStateAsync(ProfileGrain.StateName, grain.GetGrainId(), first)),
            Outcome(Silo.Storage.WriteStateAsync(ProfileGrain.StateName, grain.GetGrainId(), second)));

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.IsType<InconsistentStateException>(Assert.Single(outcomes, o => o is not null));
        var winner = outcomes[0] is null ? "first" : "second";
        Assert.Equal(winner, (await ReadDirectAsync(grain)).State?.Name);
    }

    [Fact]
    public async Task TwoFirstWritersOfANewGrain_ExactlyOneWins()
    {
        var grain = Grain("first-race");
        var first = await ReadDirectAsync(grain);
        var second = await ReadDirectAsync(grain);
        first.State = Sample("first", 1);
        second.State = Sample("second", 2);

        var outcomes = await Task.WhenAll(
            Outcome(Silo.Storage.WriteStateAsync(ProfileGrain.StateName, grain.GetGrainId(), first)),
            Outcome(Silo.Storage.WriteStateAsync(ProfileGrain.StateName, grain.GetGrainId(), second)));

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.IsType<InconsistentStateException>(Assert.Single(outcomes, o => o is not null));
    }

    [Fact]
    public async Task ManyGrainsWrittenConcurrently_EachReadsBackItsOwn()
    {
        const int count = 200;
        var grains = Enumerable.Range(0, count).Select(i => Grain($"many-{i}")).ToList();

        await Task.WhenAll(grains.Select((grain, i) => grain.Write(Sample($"teacher {i}", i))));
        await Task.WhenAll(grains.Select(grain => grain.Deactivate()));
        var read = await Task.WhenAll(grains.Select(grain => grain.Read()));

        Assert.Equal(Enumerable.Range(0, count), read.Select(r => r.State.Points));
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"teacher {i}"), read.Select(r => r.State.Name));
        Assert.All(read, r => Assert.True(r.RecordExists));
    }

    private IProfileGrain Grain(string key) => Silo.Grains.GetGrain<IProfileGrain>($"{GetType().Name}/{key}");

    private async Task<GrainState<Profile>> ReadDirectAsync(IProfileGrain grain)
    {
        var state = new GrainState<Profile>(new Profile());
        await Silo.Storage.ReadStateAsync(ProfileGrain.StateName, grain.GetGrainId(), state);
        return state;
    }

    private static async Task<Exception?> Outcome(Task write)
    {
        try
        {
            await write;
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }

    private static Profile Sample(string name, int points) => new()
    {
        Name = name,
        Points = points,
        Home = new Place("舟山市", "定海区"),
        Badges = [new Badge($"badge {points}", s_earned.AddMinutes(points), null)],
    };

    private static void AssertSame(Profile expected, Profile actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Points, actual.Points);
        Assert.Equal(expected.Home, actual.Home);
        Assert.Equal(expected.Badges, actual.Badges);
    }
}
