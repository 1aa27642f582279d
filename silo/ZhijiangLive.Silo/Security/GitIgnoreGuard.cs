using System.ComponentModel;
using System.Diagnostics;

namespace ZhijiangLive.Silo.Security;

/// <summary>
/// Secrets must not become one <c>git add -A</c> away from a commit: a file about to be written inside a git
/// work tree has to be ignored by it. Outside a work tree, or on a machine without git, there is nothing to ask.
/// </summary>
public static class GitIgnoreGuard
{
    /// <exception cref="InvalidOperationException">The file would sit in a work tree that does not ignore it.</exception>
    public static void EnsureIgnored(string path)
    {
        var full = Path.GetFullPath(path);
        if (WorkTreeOf(Path.GetDirectoryName(full)!) is not { } root)
        {
            return;
        }
        var start = new ProcessStartInfo("git") { ArgumentList = { "-C", root, "check-ignore", "-q", "--no-index", full },
            RedirectStandardOutput = true, RedirectStandardError = true };
        int exit;
        try
        {
            using var git = Process.Start(start)!;
            git.WaitForExit();
            exit = git.ExitCode;
        }
        catch (Win32Exception)
        {
            return;
        }
        if (exit == 1)
        {
            throw new InvalidOperationException(
                $"refusing to write {full}: it is inside the git work tree {root}, which does not ignore it, so a commit could take the secret; " +
                $"ignore it there (e.g. '{Path.GetFileName(full)}' in .gitignore) or set --{Hosting.DataDirectory.Setting} (or --Zhijiang:Auth:FirstRunDirectory) to a folder outside the work tree");
        }
    }

    /// <summary>The nearest folder at or above <paramref name="folder"/> holding <c>.git</c> (a folder, or a file in a linked work tree).</summary>
    private static string? WorkTreeOf(string folder)
    {
        for (var at = new DirectoryInfo(folder); at is not null; at = at.Parent)
        {
            var git = Path.Combine(at.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return at.FullName;
            }
        }
        return null;
    }
}
