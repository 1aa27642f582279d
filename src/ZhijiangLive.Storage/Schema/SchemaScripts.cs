using System.Reflection;

namespace ZhijiangLive.Storage.Schema;

/// <summary>The versioned schema files of one store, shipped inside the assembly, in version order.</summary>
internal static class SchemaScripts
{
    /// <summary>(version, sql) of every <c>Schema/{store}/NNN_name.sql</c>, lowest version first.</summary>
    public static IReadOnlyList<(int Version, string Sql)> For(string store)
    {
        var assembly = typeof(SchemaScripts).Assembly;
        var prefix = $"{assembly.GetName().Name}.Schema.{store}.";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => (Version: int.Parse(name.AsSpan(prefix.Length, 3)), Sql: Read(assembly, name)))
            .OrderBy(script => script.Version)
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
