namespace ZhijiangLive.Grains.Tests.Storage;

/// <summary>A grain whose only job is to put its state through the grain storage under test.</summary>
public interface IProfileGrain : IGrainWithStringKey
{
    Task<StoredProfile> Read();

    /// <summary>Replaces the state and writes it; a conflict surfaces as the storage's exception.</summary>
    Task Write(Profile profile);

    Task Clear();

    /// <summary>Deactivates once this call returns, so that the next call reads the state afresh.</summary>
    Task Deactivate();
}
