using System.Text.RegularExpressions;
using System.Xml.Linq;
using IdentityProvider.Settings;
using IdentityProvider.UnitTests.Deployment;

namespace IdentityProvider.UnitTests.Localization;

/// <summary>
/// Every key the code names is in the resource it is read from, in every language: a sentence's key in
/// <c>MessageText</c>, a page's <c>T["…"]</c> in its part of the site's resource, a localizer field's key in the resource
/// of its declared type, a data annotation's in its model's resource. A key built at run time from a pattern
/// (<c>$"Policy.Range.{field}"</c>) must match at least one key; the ones built from enums are checked by
/// <see cref="ProblemSentencesTests"/>.
/// </summary>
public sealed partial class ResourceKeysTests
{
    private static readonly string Source = Path.Combine(RepositoryFiles.Root, "src", "IdentityProvider");

    private static readonly Dictionary<string, Dictionary<string, HashSet<string>>> KeysByLanguage = UiSettings.Translated.ToDictionary(
        language => language,
        language => Directory.EnumerateFiles(Path.Combine(Source, "Resources", "Localization"), $"*.{language}.resx")
            .ToDictionary(
                file => Path.GetFileName(file)[..^$".{language}.resx".Length],
                file => XDocument.Load(file).Root!.Elements("data").Select(data => (string)data.Attribute("name")!).ToHashSet(StringComparer.Ordinal)));

    [Fact]
    public void EveryKeyNamedInCode_IsInItsResource_InEveryLanguage()
    {
        var named = NamedKeys().ToList();
        var missing = named
            .Where(use => UiSettings.Translated.Any(language => !Has(language, use.Resource, use.Key)))
            .Select(use => $"{use.File}: {use.Resource} \"{use.Key}\" ({string.Join(", ", UiSettings.Translated.Where(language => !Has(language, use.Resource, use.Key)))})")
            .Distinct()
            .ToList();

        Assert.True(named.Count(use => use.Resource == "MessageText") > 150, "Too few sentence keys found: has the way services write sentences changed?");
        Assert.True(named.Count(use => use.Resource != "MessageText") > 800, "Too few page keys found: has the way pages read texts changed?");
        Assert.True(missing.Count == 0, "Keys no resource has:\n" + string.Join("\n", missing));
    }

    /// <summary>Whether <paramref name="resource"/> has <paramref name="key"/> (or a key of its shape) in <paramref name="language"/>.</summary>
    internal static bool Has(string language, string resource, string key)
    {
        var keys = KeysByLanguage[language].GetValueOrDefault(resource) ?? [];
        if (!key.Contains('{', StringComparison.Ordinal))
        {
            return keys.Contains(key);
        }

        // $"Rules.{field}.Required": any key of that shape.
        var pattern = new Regex("^" + Placeholder().Replace(Regex.Escape(key).Replace(@"\{", "{", StringComparison.Ordinal), @"[^.]+") + "$");
        return keys.Any(pattern.IsMatch);
    }

    private static IEnumerable<(string File, string Resource, string Key)> NamedKeys()
    {
        foreach (var file in Directory.EnumerateFiles(Source, "*.*", SearchOption.AllDirectories)
                     .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal))
                     .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(Source, file);
            foreach (Match sentence in Sentences().Matches(text))
            {
                yield return (name, "MessageText", sentence.Groups["key"].Value);
            }

            var localizers = Localizers(file, text);
            foreach (Match lookup in Lookups().Matches(text))
            {
                if (localizers.TryGetValue(lookup.Groups["localizer"].Value, out var resource))
                {
                    yield return (name, resource, lookup.Groups["key"].Value);
                }
            }

            foreach (Match annotation in Annotations().Matches(text))
            {
                yield return (name, PartOfSite(name), annotation.Groups["key"].Value);
            }
        }
    }

    /// <summary>The localizers a file reads, by name: its fields and parameters, and for a view what its <c>_ViewImports</c> inject.</summary>
    private static Dictionary<string, string> Localizers(string file, string text)
    {
        var declarations = text;
        if (file.EndsWith(".cshtml", StringComparison.Ordinal))
        {
            for (var folder = Path.GetDirectoryName(file)!; folder.StartsWith(Source, StringComparison.Ordinal); folder = Path.GetDirectoryName(folder)!)
            {
                var imports = Path.Combine(folder, "_ViewImports.cshtml");
                declarations += File.Exists(imports) ? File.ReadAllText(imports) : "";
            }
        }

        var localizers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match declaration in Declarations().Matches(declarations))
        {
            localizers.TryAdd(declaration.Groups["name"].Value, declaration.Groups["resource"].Value);
        }

        return localizers;
    }

    /// <summary>Which resource a model's data annotations are read from (<c>Localization/InputModelTexts</c>), by its folder.</summary>
    private static string PartOfSite(string path) => path.Replace('\\', '/') switch
    {
        var account when account.StartsWith("Pages/Account/", StringComparison.Ordinal) => "AccountText",
        var manage when manage.StartsWith("Pages/Manage/", StringComparison.Ordinal) => "ManageText",
        var admin when admin.StartsWith("Areas/Admin/", StringComparison.Ordinal) || admin.StartsWith("Admin/", StringComparison.Ordinal) => "AdminText",
        _ => "SharedText",
    };

    // new Sentence("Key", …), new Sentence($"Key.{x}", …) and a target-typed new("Key", …) where a Sentence is declared or returned.
    [GeneratedRegex(@"(?:new Sentence|Sentence\??\s+\w+\s*=\s*new|=> new|\bnew)\(\$?""(?<key>[A-Z][A-Za-z]+\.[A-Za-z0-9.{}]+)""")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"(?:IStringLocalizer|IHtmlLocalizer)<(?<resource>\w+)>\s+(?<name>\w+)")]
    private static partial Regex Declarations();

    [GeneratedRegex(@"\b(?<localizer>\w+)\[\$?""(?<key>[^""]+)""")]
    private static partial Regex Lookups();

    [GeneratedRegex(@"(?:Display\(Name|ErrorMessage)\s*=\s*""(?<key>[^""]+)""")]
    private static partial Regex Annotations();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();
}
