using System.Text.RegularExpressions;

namespace SaferPlan.Core.Tests;

/// <summary>
/// Reads the source of the app's projects as text, for tests that keep a rule in one place (<c>Accounts/PermissionsGateTests</c>,
/// <c>OneWayTests</c>): every line that matches a pattern outside the files allowed to.
/// </summary>
internal static class SourceScan
{
    /// <summary>"file:line: text" for each line of the projects' C# (and, when asked, Razor) files that matches, outside <paramref name="allowed"/>.</summary>
    public static List<string> Find(Regex pattern, string[] projects, string[] allowed, bool razor = false)
    {
        var root = RepositoryRoot();
        var found = new List<string>();
        foreach (var project in projects)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, project), "*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || (razor && f.EndsWith(".cshtml", StringComparison.Ordinal))))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal) || allowed.Contains(relative))
                {
                    continue;
                }

                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (pattern.Match(lines[i]) is { Success: true } match)
                    {
                        found.Add($"{relative}:{i + 1}: {match.Value}");
                    }
                }
            }
        }

        return found;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SaferPlan.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No SaferPlan.slnx above {AppContext.BaseDirectory}.");
    }
}
