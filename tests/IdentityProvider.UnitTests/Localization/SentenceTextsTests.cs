using System.Text.RegularExpressions;
using System.Xml.Linq;
using IdentityProvider.UnitTests.Deployment;

namespace IdentityProvider.UnitTests.Localization;

/// <summary>
/// The sentences services give (<c>new Sentence("Key", "English", …)</c>) say in English what the English resource
/// says under their key, and the key is in every language: the admin API (English from the code) and the pages
/// (the resource) never drift apart.
/// </summary>
public sealed partial class SentenceTextsTests
{
    private static readonly string Source = Path.Combine(RepositoryFiles.Root, "src", "IdentityProvider");

    [Fact]
    public void EverySentenceOfTheCode_MatchesItsEnglishText_AndHasARussianOne()
    {
        var english = Read("en");
        var russian = Read("ru");
        var found = 0;
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories).Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match sentence in Sentences().Matches(File.ReadAllText(file)))
            {
                found++;
                var (key, text) = (sentence.Groups["key"].Value, Regex.Unescape(sentence.Groups["english"].Value));
                if (english.GetValueOrDefault(key) != text || !russian.ContainsKey(key))
                {
                    wrong.Add($"{Path.GetFileName(file)}: {key} \"{text}\" (en: \"{english.GetValueOrDefault(key)}\", ru: {russian.ContainsKey(key)})");
                }
            }
        }

        Assert.True(found > 100, $"Only {found} sentences found: has the way services write them changed?");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>The texts of the pages that show sentences: the admin area and the account pages (token creation).</summary>
    private static Dictionary<string, string> Read(string language) =>
        new[] { "AdminText", "ManageText" }
            .SelectMany(resource => XDocument.Load(Path.Combine(Source, "Resources", "Localization", $"{resource}.{language}.resx")).Root!.Elements("data"))
            .DistinctBy(data => (string)data.Attribute("name")!)
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "");

    // Note: literal keys and texts only (a key or text built at run time is checked by the Russian page walks).
    [GeneratedRegex("""(?:new Sentence|Sentence \w+ = new)\("(?<key>[^"{]+)",\s*"(?<english>(?:[^"\\]|\\.)*)"[,)]""")]
    private static partial Regex Sentences();
}
