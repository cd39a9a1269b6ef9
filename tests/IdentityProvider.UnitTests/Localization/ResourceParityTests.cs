using System.Xml.Linq;
using IdentityProvider.Settings;
using IdentityProvider.UnitTests.Deployment;

namespace IdentityProvider.UnitTests.Localization;

/// <summary>Every text exists in every language the provider speaks: the same keys in each file, none left empty.</summary>
public sealed class ResourceParityTests
{
    private static readonly string Resources = Path.Combine(RepositoryFiles.Root, "src", "IdentityProvider", "Resources");

    public static TheoryData<string> ResourceNames()
    {
        var names = new TheoryData<string>();
        foreach (var name in Directory.EnumerateFiles(Resources, "*.resx", SearchOption.AllDirectories)
                     .Select(file => BaseName(Path.GetRelativePath(Resources, file))).Distinct().Order(StringComparer.Ordinal))
        {
            names.Add(name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(ResourceNames))]
    public void EachLanguage_HasTheSameKeys_AndNoEmptyText(string resource)
    {
        var keysByLanguage = UiSettings.Translated.ToDictionary(language => language, language => Read(resource, language));

        foreach (var (language, texts) in keysByLanguage)
        {
            foreach (var (other, otherTexts) in keysByLanguage.Where(entry => entry.Key != language))
            {
                var missing = otherTexts.Keys.Except(texts.Keys).ToList();
                Assert.True(missing.Count == 0, $"{resource}.{language}.resx lacks {string.Join(", ", missing)} (present in {other}).");
            }

            var empty = texts.Where(entry => string.IsNullOrWhiteSpace(entry.Value)).Select(entry => entry.Key).ToList();
            Assert.True(empty.Count == 0, $"{resource}.{language}.resx has empty texts: {string.Join(", ", empty)}.");
        }
    }

    [Fact]
    public void NoResourceFile_IsWithoutALanguage()
    {
        var neutral = Directory.EnumerateFiles(Resources, "*.resx", SearchOption.AllDirectories)
            .Where(file => !UiSettings.Translated.Any(language => file.EndsWith($".{language}.resx", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(neutral);
    }

    private static Dictionary<string, string> Read(string resource, string language)
    {
        var file = Path.Combine(Resources, $"{resource}.{language}.resx");
        Assert.True(File.Exists(file), $"{resource} has no {language} file.");
        return XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "");
    }

    /// <summary><c>Localization/SharedText.ru.resx</c> → <c>Localization/SharedText</c>.</summary>
    private static string BaseName(string relativePath)
    {
        var withoutExtension = Path.ChangeExtension(relativePath, null);
        return Path.ChangeExtension(withoutExtension, null);
    }
}
