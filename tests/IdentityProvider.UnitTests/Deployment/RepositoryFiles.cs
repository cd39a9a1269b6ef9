using System.Text.RegularExpressions;

namespace IdentityProvider.UnitTests.Deployment;

/// <summary>Files of the repository the tests check, and the configuration keys the README documents.</summary>
internal static partial class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public static bool Exists(string relativePath) =>
        File.Exists(Path.Combine(Root, relativePath)) || Directory.Exists(Path.Combine(Root, relativePath));

    /// <summary>
    /// The keys of the README's configuration table (one or two to a row), without <c>[]</c> and <c>:&lt;role&gt;</c> placeholders.
    /// </summary>
    public static IReadOnlySet<string> DocumentedKeys() =>
        ConfigurationRow().Matches(Read("README.md"))
            .SelectMany(match => new[] { match.Groups[1], match.Groups[2] }.Where(group => group.Success))
            .Select(group => group.Value.Replace("[]", "").Replace(":<role>", ""))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>An environment variable's configuration key, cut at its first array index (Seed__Users__0__Email → Seed:Users).</summary>
    public static string ConfigurationKey(string environmentVariable)
    {
        var segments = environmentVariable.Split("__");
        return string.Join(':', segments.TakeWhile(segment => !segment.All(char.IsDigit)));
    }

    /// <summary>Variables that belong to ASP.NET Core or .NET rather than to the provider's configuration reference.</summary>
    public static bool IsPlatformVariable(string name) => name.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || name.StartsWith("DOTNET_", StringComparison.Ordinal);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IdentityProvider.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (IdentityProvider.sln) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\| `([A-Za-z]+:[A-Za-z:<>\[\]]+)`(?:, `([A-Za-z]+:[A-Za-z:<>\[\]]+)`)? \|", RegexOptions.Multiline)]
    private static partial Regex ConfigurationRow();
}
