namespace ZhijiangLive.Silo.Hosting;

/// <summary>
/// The one folder where the silo keeps its files (the SQLite store, first-run credentials):
/// <c>Zhijiang:DataDirectory</c> when set; else the checkout's <c>data/</c> when the silo runs from inside a
/// checkout of this repository (<c>dotnet run</c> starts it in the project's folder, not the repository's);
/// else <c>data/</c> under the working directory.
/// </summary>
public static class DataDirectory
{
    public const string Setting = "Zhijiang:DataDirectory";
    private const string CheckoutMarker = "ZhijiangLive.sln";

    public static string Of(IConfiguration configuration) => Resolve(configuration[Setting], Environment.CurrentDirectory);

    public static string Resolve(string? configured, string workingDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, workingDirectory);
        }
        for (var folder = new DirectoryInfo(workingDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, CheckoutMarker)))
            {
                return Path.Combine(folder.FullName, "data");
            }
        }
        return Path.Combine(Path.GetFullPath(workingDirectory), "data");
    }
}
