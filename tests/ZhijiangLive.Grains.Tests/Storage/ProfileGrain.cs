namespace ZhijiangLive.Grains.Tests.Storage;

public sealed class ProfileGrain([PersistentState(ProfileGrain.StateName, ProfileGrain.StorageName)] IPersistentState<Profile> profile)
    : Grain, IProfileGrain
{
    /// <summary>The name each storage contract test registers its provider under.</summary>
    public const string StorageName = "contract-store";

    /// <summary>The state's name, which Orleans hands the storage as the grain type.</summary>
    public const string StateName = "profile";

    public Task<StoredProfile> Read() => Task.FromResult(new StoredProfile(profile.State, profile.RecordExists, profile.Etag));

    public Task Write(Profile value)
    {
        profile.State = value;
        return profile.WriteStateAsync();
    }

    public Task Clear() => profile.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
