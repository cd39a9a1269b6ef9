using System.Text.RegularExpressions;
using IdentityProvider.UnitTests.Deployment;

namespace IdentityProvider.UnitTests.Architecture;

/// <summary>
/// Tests drive pages through the page objects of tests/IdentityProvider.Testing/Pages, never through a form
/// field or a page path of their own: when a page changes, one page object changes, not every test.
/// </summary>
public partial class TestDriverConventionTests
{
    /// <summary>Where only page objects may name fields and paths.</summary>
    private static readonly string PageObjects = Path.Combine("tests", "IdentityProvider.Testing", "Pages") + Path.DirectorySeparatorChar;

    [Fact]
    public void Tests_NameNoFormFieldOfAPage()
    {
        var fields = FormFieldNames();
        Assert.Contains("Input.Password", fields); // the scan of the pages found what it must find

        var offences = TestSources()
            .SelectMany(file => StringLiterals(file).Where(literal => fields.Contains(literal)).Select(literal => $"{file.Path}: \"{literal}\""))
            .ToList();

        Assert.True(offences.Count == 0, "Form fields named outside the page objects:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void Tests_NameNoPagePath()
    {
        var offences = TestSources()
            .SelectMany(file => StringLiterals(file).Where(IsPagePath).Select(literal => $"{file.Path}: \"{literal}\""))
            .ToList();

        Assert.True(offences.Count == 0, "Page paths named outside the page objects:\n" + string.Join("\n", offences));
    }

    [Theory]
    [InlineData("/Account/Login", true)]
    [InlineData("/manage/Tokens", true)]
    [InlineData("/admin/users/{id}/two-step", true)]
    [InlineData("/connect/token", false)]
    [InlineData("/.well-known/openid-configuration", false)]
    public void IsPagePath_TellsPagesFromProtocolEndpoints(string literal, bool isPage) => Assert.Equal(isPage, IsPagePath(literal));

    private static bool IsPagePath(string literal) => PagePath().IsMatch(literal);

    /// <summary>Every name a form of the provider posts: asp-for targets and name attributes of its Razor pages.</summary>
    private static HashSet<string> FormFieldNames()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src", "IdentityProvider"), "*.cshtml", SearchOption.AllDirectories);
        return pages.SelectMany(page => FieldAttribute().Matches(File.ReadAllText(page)).Select(match => match.Groups["name"].Value))
            .Where(name => char.IsUpper(name[0]))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<(string Path, string Text)> TestSources() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RepositoryFiles.Root, file))
            .Where(file => !file.StartsWith(PageObjects, StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.EndsWith(nameof(TestDriverConventionTests) + ".cs", StringComparison.Ordinal))
            .Select(file => (file, File.ReadAllText(Path.Combine(RepositoryFiles.Root, file))));

    /// <summary>The contents of the file's string literals, plain, verbatim or interpolated (holes and all).</summary>
    private static IEnumerable<string> StringLiterals((string Path, string Text) file) =>
        StringLiteral().Matches(file.Text).Select(match => match.Groups["text"].Value);

    [GeneratedRegex("""(?:asp-for|name)="(?<name>[^"]+)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex FieldAttribute();

    [GeneratedRegex("""[$@]*"(?<text>(?:[^"\\\n]|\\.)*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"^/(account|manage|admin)(/|$|\?)", RegexOptions.IgnoreCase)]
    private static partial Regex PagePath();
}
