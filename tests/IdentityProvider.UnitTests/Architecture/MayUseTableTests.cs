using System.Text.RegularExpressions;
using ArchUnitNET.Loader;
using IdentityProvider.Data;
using IdentityProvider.Hosting;
using IdentityProvider.UnitTests.Deployment;

namespace IdentityProvider.UnitTests.Architecture;

/// <summary>
/// The "may use" column of docs/ARCHITECTURE.md's folder table is true: a folder uses no folder of ours that its row
/// does not name (the database project counted as <c>Data</c>). A row may name a folder whose constants alone are used:
/// a compiler copies constants, so the compiled code the test reads shows no such use.
/// </summary>
public partial class MayUseTableTests
{
    /// <summary>Rows that name no single folder list: the admin services, the pages and Hosting use what they need.</summary>
    private static readonly HashSet<string> Unlisted = ["Admin", "Admin/Api", "Hosting"];

    private static readonly ArchUnitNET.Domain.Architecture Provider =
        new ArchLoader().LoadAssemblies(typeof(ServiceRegistration).Assembly, typeof(ApplicationDbContext).Assembly).Build();

    [Fact]
    public void EveryFolder_UsesOnlyTheFoldersTheTableSaysItMayUse()
    {
        var table = TableRows();
        var differences = new List<string>();
        foreach (var (folder, mayUse) in table)
        {
            var uses = Uses(folder);
            differences.AddRange(uses.Except(mayUse).Select(used => $"{folder} uses {used}, which its row does not name"));
        }

        Assert.True(table.Count > 10, "The folder table was not found in docs/ARCHITECTURE.md.");
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    /// <summary>The folders of ours the types of <paramref name="folder"/> depend on.</summary>
    private static HashSet<string> Uses(string folder) =>
        Provider.Types
            .Where(type => FolderOf(type.Namespace.FullName) == folder)
            .SelectMany(type => type.Dependencies)
            .Select(dependency => FolderOf(dependency.Target.Namespace.FullName))
            .OfType<string>()
            .Where(used => used != folder)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary><c>IdentityProvider.TwoStep</c> → <c>TwoStep</c>; the database project is <c>Data</c>; null for anything not ours.</summary>
    private static string? FolderOf(string @namespace)
    {
        var parts = @namespace.Split('.');
        return parts is ["IdentityProvider", var folder, ..] && folder is not ("Pages" or "Areas") ? folder : null;
    }

    private static Dictionary<string, HashSet<string>> TableRows() =>
        FolderRow().Matches(RepositoryFiles.Read("docs/ARCHITECTURE.md"))
            .Where(row => !Unlisted.Contains(row.Groups["folder"].Value))
            .ToDictionary(
                row => row.Groups["folder"].Value,
                row => row.Groups["uses"].Value.Trim() == "nothing of ours"
                    ? []
                    : row.Groups["uses"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));

    /// <summary>A row of the folder table: <c>| `TwoStep/` | what it owns | Sessions, RecoveryCodes |</c>.</summary>
    [GeneratedRegex(@"^\| `(?<folder>[A-Za-z]+(/Api)?)/` \|.*\| (?<uses>[^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex FolderRow();
}
