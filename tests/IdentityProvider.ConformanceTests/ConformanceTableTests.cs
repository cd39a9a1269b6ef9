using System.Reflection;
using System.Text.RegularExpressions;

namespace IdentityProvider.ConformanceTests;

/// <summary>docs/CONFORMANCE.md lists every module test, each under its module's name, and names no test that is gone.</summary>
public sealed partial class ConformanceTableTests
{
    private static readonly string TablePath = typeof(ConformanceTableTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "ConformanceTable").Value!;

    [Fact]
    public void EveryModuleTest_IsARowOfTheTable_AndEveryRowsTestExists()
    {
        var rows = TableRow().Matches(File.ReadAllText(TablePath))
            .Select(row => (Module: row.Groups["module"].Value, Test: row.Groups["test"].Value))
            .ToHashSet();
        var tests = typeof(BasicPlan).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .Select(method => (Module: method.GetCustomAttribute<ModuleAttribute>()?.Name, Test: method.Name))
            .Where(test => test.Module is not null)
            .Select(test => (Module: test.Module!, test.Test))
            .ToHashSet();

        Assert.Empty(tests.Except(rows));
        Assert.Empty(rows.Except(tests));
    }

    /// <summary>A table row naming a module and its test: <c>| `oidcc-server` | `Server` | pass |</c>.</summary>
    [GeneratedRegex(@"^\| `(?<module>oidcc-[a-z0-9-]+)` \| `(?<test>[A-Za-z0-9]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
