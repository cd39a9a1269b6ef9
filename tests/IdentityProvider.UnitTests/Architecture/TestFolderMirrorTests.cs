using IdentityProvider.UnitTests.Deployment;

namespace IdentityProvider.UnitTests.Architecture;

/// <summary>
/// A test of a feature folder lives in a folder of the same name (a test of <c>Connect/</c> in <c>Connect/</c>), so the
/// tests of a capability are found where its code is. Only the cross-cutting suites have folders of their own.
/// </summary>
public class TestFolderMirrorTests
{
    /// <summary>Suites about the whole provider, not one folder (docs/ARCHITECTURE.md names each).</summary>
    private static readonly Dictionary<string, string[]> CrossCutting = new()
    {
        ["IdentityProvider.IntegrationTests"] = ["Reliability", "ScaleOut"],
        ["IdentityProvider.UnitTests"] = ["Architecture", "Deployment", "Data"],
    };

    [Theory]
    [InlineData("IdentityProvider.IntegrationTests")]
    [InlineData("IdentityProvider.UnitTests")]
    public void EveryTestFolder_NamesASourceFolder_OrIsACrossCuttingSuite(string project)
    {
        var sourceFolders = Folders(Path.Combine(RepositoryFiles.Root, "src", "IdentityProvider"));

        var strays = Folders(Path.Combine(RepositoryFiles.Root, "tests", project))
            .Where(folder => !sourceFolders.Contains(folder) && !CrossCutting[project].Contains(folder));

        Assert.Empty(strays);
    }

    private static HashSet<string> Folders(string root) =>
        Directory.EnumerateDirectories(root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("bin" or "obj" or "Properties" or "wwwroot" or "Resources"))
            .ToHashSet(StringComparer.Ordinal);
}
