using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using IdentityProvider.Testing.Pages;

namespace IdentityProvider.Testing.Stories;

/// <summary>
/// What a page in another language must not show: the English texts of the provider's resource files
/// (<c>src/IdentityProvider/Resources/**/*.en.resx</c>, read from the repository), so every page translated later is
/// checked against every text the provider has.
/// </summary>
public static partial class LanguageChecks
{
    private static readonly Lazy<IReadOnlyList<(string Key, string English, Regex Pattern)>> Distinct = new(LoadDistinctTexts);

    /// <summary>
    /// The English texts found on <paramref name="page"/> (its body, title and <c>aria-label</c>s), as
    /// <c>Resource:Key "text"</c>: the values of four letters or more whose Russian value differs; a value with
    /// placeholders matches whatever fills them.
    /// </summary>
    public static IReadOnlyList<string> EnglishTextsOn(PageObject page) => EnglishTextsOn(page.Page);

    /// <inheritdoc cref="EnglishTextsOn(PageObject)"/>
    public static IReadOnlyList<string> EnglishTextsOn(ProviderPage page) => EnglishTextsOn(page.Document);

    /// <summary>The same for a page's HTML as a browser has it (Playwright's <c>ContentAsync</c>).</summary>
    public static IReadOnlyList<string> EnglishTextsInHtml(string html) => EnglishTextsOn(new HtmlParser().ParseDocument(html));

    private static List<string> EnglishTextsOn(IDocument document)
    {
        var shown = string.Join(" | ", new[] { document.Title ?? "", document.Body?.TextContent ?? "" }
            .Concat(document.QuerySelectorAll("[aria-label]").Select(element => element.GetAttribute("aria-label") ?? "")));
        shown = Spaces().Replace(shown, " ");
        return Distinct.Value.Where(text => text.Pattern.IsMatch(shown)).Select(text => $"{text.Key} \"{text.English}\"").ToList();
    }

    /// <summary>The English texts found in <paramref name="text"/> (a mail's subject and body), as <see cref="EnglishTextsOn(PageObject)"/> finds them on a page.</summary>
    public static IReadOnlyList<string> EnglishTextsIn(string text)
    {
        var shown = Spaces().Replace(text, " ");
        return Distinct.Value.Where(entry => entry.Pattern.IsMatch(shown)).Select(entry => $"{entry.Key} \"{entry.English}\"").ToList();
    }

    /// <summary>
    /// The text of <paramref name="key"/> in <paramref name="resource"/> (<c>AccountText</c>, <c>SharedText</c>) in
    /// <paramref name="language"/>, its placeholders filled with <paramref name="arguments"/>, as a page shows it.
    /// </summary>
    public static string Text(string language, string resource, string key, params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, Read(Path.Combine(ResourceFolder(), "Localization", $"{resource}.{language}.resx"))[key], arguments);

    private static List<(string Key, string English, Regex Pattern)> LoadDistinctTexts()
    {
        var texts = new List<(string, string, Regex)>();
        foreach (var english in Directory.EnumerateFiles(ResourceFolder(), "*.en.resx", SearchOption.AllDirectories))
        {
            var resource = Path.GetFileName(english)[..^".en.resx".Length];
            var russian = Read(english[..^".en.resx".Length] + ".ru.resx");
            foreach (var (key, value) in Read(english))
            {
                var plain = Spaces().Replace(Tags().Replace(value, ""), " ").Trim();
                var literal = Placeholders().Replace(plain, "");
                if (literal.Count(char.IsLetter) >= 4 && russian.GetValueOrDefault(key) != value)
                {
                    texts.Add(($"{resource}:{key}", plain, PatternOf(plain)));
                }
            }
        }

        return texts;
    }

    /// <summary>The text as a whole word or phrase; each placeholder stands for any text.</summary>
    private static Regex PatternOf(string text)
    {
        var parts = Placeholders().Split(text).Select(Regex.Escape);
        var body = string.Join(".+?", parts);
        var start = char.IsLetterOrDigit(text[0]) ? @"\b" : "";
        var end = char.IsLetterOrDigit(text[^1]) ? @"\b" : "";
        return new Regex(start + body + end, RegexOptions.CultureInvariant);
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(data => (string)data.Attribute("name")!, data => (string?)data.Element("value") ?? "");

    private static string ResourceFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IdentityProvider.sln")))
            {
                return Path.Combine(folder.FullName, "src", "IdentityProvider", "Resources");
            }
        }

        throw new InvalidOperationException("The repository root (IdentityProvider.sln) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholders();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
