using IdentityProvider.UnitTests.Deployment;

namespace IdentityProvider.UnitTests.Architecture;

/// <summary>
/// The style rule the analyzers cannot check: a file's usings are sorted, System first, then alphabetically,
/// <c>using static</c> after them and aliases last, so a file's dependencies read the same everywhere.
/// </summary>
public class UsingDirectiveOrderTests
{
    [Fact]
    public void EverySourceFile_SortsItsUsings()
    {
        var unsorted = Directory.EnumerateFiles(RepositoryFiles.Root, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepositoryFiles.Root, file))
            .Where(file => (file.StartsWith("src", StringComparison.Ordinal) || file.StartsWith("tests", StringComparison.Ordinal))
                && !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "Migrations"))
            .Where(file => !IsSorted(Usings(File.ReadAllLines(Path.Combine(RepositoryFiles.Root, file)))))
            .ToList();

        Assert.True(unsorted.Count == 0, "Usings not sorted (System first, then alphabetically; static, then aliases last):\n" + string.Join("\n", unsorted));
    }

    [Theory]
    [InlineData(new[] { "using System.Net;", "using IdentityProvider.Data;", "using static Xunit.Assert;" }, true)]
    [InlineData(new[] { "using IdentityProvider.Data;", "using System.Net;" }, false)]
    [InlineData(new[] { "using Microsoft.AspNetCore;", "using IdentityProvider.Data;" }, false)]
    [InlineData(new[] { "using static Xunit.Assert;", "using IdentityProvider.Data;" }, false)]
    public void IsSorted_FollowsTheRule(string[] usings, bool sorted) => Assert.Equal(sorted, IsSorted(usings));

    private static string[] Usings(IEnumerable<string> lines) =>
        lines.SkipWhile(line => line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
            .TakeWhile(line => line.StartsWith("using ", StringComparison.Ordinal) && line.TrimEnd().EndsWith(';') && !line.Contains('('))
            .ToArray();

    private static bool IsSorted(string[] usings)
    {
        var keys = usings.Select(SortKey).ToList();
        return keys.SequenceEqual(keys.OrderBy(key => key.Alias).ThenBy(key => key.Static).ThenBy(key => key.NotSystem)
            .ThenBy(key => key.Name, StringComparer.OrdinalIgnoreCase));
    }

    private static (bool Alias, bool Static, bool NotSystem, string Name) SortKey(string line)
    {
        var body = line["using ".Length..].TrimEnd(';').Trim();
        var isStatic = body.StartsWith("static ", StringComparison.Ordinal);
        var name = isStatic ? body["static ".Length..] : body;
        return (name.Contains('=', StringComparison.Ordinal), isStatic, !(name == "System" || name.StartsWith("System.", StringComparison.Ordinal)), name);
    }
}
