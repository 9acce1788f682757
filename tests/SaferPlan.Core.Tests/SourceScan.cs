using System.Text.RegularExpressions;

namespace SaferPlan.Core.Tests;

/// <summary>
/// Reads the source of the app's projects as text, for tests that keep a rule in one place (<c>Accounts/PermissionsGateTests</c>,
/// <c>OneWayTests</c>): every line that matches a pattern outside the files allowed to.
/// </summary>
internal static partial class SourceScan
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

    /// <summary>
    /// Every method and constructor with a block body in the projects' C# files (migrations and compiled models left out): its
    /// file, first line, name and length in lines from its signature to its closing brace. The source is laid out one way
    /// (the signature, then "{" and "}" alone on their lines at the signature's indent), which is what this reads.
    /// </summary>
    public static List<(string File, int Line, string Name, int Lines)> Methods(string[] projects)
    {
        var root = RepositoryRoot();
        var methods = new List<(string, int, string, int)>();
        foreach (var file in projects.SelectMany(p => Directory.EnumerateFiles(Path.Combine(root, p), "*.cs", SearchOption.AllDirectories)))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)
                || relative.Contains("/Migrations/", StringComparison.Ordinal) || relative.Contains("/CompiledModel/", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (Signature().Match(lines[i]) is not { Success: true } signature || TypeDeclaration().IsMatch(lines[i]))
                {
                    continue;
                }

                var open = i;
                while (open < lines.Length && lines[open].Trim() != "{" && !lines[open].Contains("=>", StringComparison.Ordinal) && !lines[open].TrimEnd().EndsWith(';'))
                {
                    open++;
                }

                if (open == lines.Length || lines[open].Trim() != "{")
                {
                    continue;
                }

                var indent = lines[open][..lines[open].IndexOf('{', StringComparison.Ordinal)];
                var close = Array.FindIndex(lines, open + 1, l => l == indent + "}");
                if (close > 0)
                {
                    methods.Add((relative, i + 1, signature.Groups["name"].Value, close - i + 1));
                    i = open;
                }
            }
        }

        return methods;
    }

    /// <summary>A method's or constructor's signature: modifiers, a name and its opening parenthesis.</summary>
    [GeneratedRegex(@"^\s*(?:(?:public|private|internal|protected|static|async|override|virtual|sealed|partial|unsafe)\s+)+[^=;(]*?\b(?<name>\w+)\s*(?:<[^>()]*>)?\s*\(")]
    private static partial Regex Signature();

    [GeneratedRegex(@"\b(class|record|struct|interface|enum|delegate)\b")]
    private static partial Regex TypeDeclaration();

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
