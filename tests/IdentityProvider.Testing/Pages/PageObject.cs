using System.Net;
using AngleSharp.Dom;

namespace IdentityProvider.Testing.Pages;

/// <summary>
/// A page of the provider as a test sees it: it knows its address and its forms, and its actions return
/// where the browser ends up. Tests never name a form field or a page path; only page objects do
/// (checked by <c>TestDriverConventionTests</c>).
/// </summary>
public abstract class PageObject(ProviderPage page)
{
    /// <summary>The raw answer: status, address, headers and parsed HTML.</summary>
    public ProviderPage Page { get; } = page;

    public ProviderClient Client => Page.Client;

    public HttpStatusCode Status => Page.Status;

    /// <summary>Every message shown as an alert (sign-in error, validation summary), joined with " | ".</summary>
    public string Alerts => Joined("[role=alert]");

    /// <summary>The status message (role=status) shown after a successful change.</summary>
    public string StatusMessage => Joined("[role=status]");

    /// <summary>The form's validation summary (role=alert): its text, or null when the page renders none (nothing to say).</summary>
    public string? ValidationSummary => ValidationSummaryOn(Page);

    /// <summary>The text of the page's body.</summary>
    public string Text => Page.Text;

    /// <summary>The visible (non-hidden) inputs of the page's main form.</summary>
    public IReadOnlyList<IElement> VisibleInputs =>
        Page.Document.QuerySelectorAll("main form input")
            .Where(input => !string.Equals(input.GetAttribute("type"), "hidden", StringComparison.OrdinalIgnoreCase))
            .ToList();

    /// <summary>The validation summary on any page of the provider (<see cref="ValidationSummary"/>).</summary>
    public static string? ValidationSummaryOn(ProviderPage page) => page.Document.QuerySelector("[data-valmsg-summary]")?.TextContent.Trim();

    /// <summary>Follows the link whose visible text is <paramref name="text"/>.</summary>
    public async Task<ProviderPage> FollowLinkAsync(string text)
    {
        var link = Page.Document.QuerySelectorAll("a").FirstOrDefault(anchor => anchor.TextContent.Trim() == text)
            ?? throw new Xunit.Sdk.XunitException($"No \"{text}\" link on {Page.Uri}");
        return await Client.GetAsync(new Uri(Page.Uri, link.GetAttribute("href")!).PathAndQuery);
    }

    /// <summary>Whether a link with this visible text is on the page.</summary>
    public bool HasLink(string text) => Page.Document.QuerySelectorAll("a").Any(anchor => anchor.TextContent.Trim() == text);

    /// <summary>Whether a button with this visible text is on the page.</summary>
    public bool HasButton(string text) =>
        Page.Document.QuerySelectorAll("button").Any(button => button.TextContent.Trim().Equals(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>The &lt;label for&gt; of <paramref name="input"/>, or null when none points at it.</summary>
    public IElement? LabelFor(IElement input) =>
        input.GetAttribute("id") is { Length: > 0 } id
            ? Page.Document.QuerySelectorAll("label").FirstOrDefault(label => label.GetAttribute("for") == id)
            : null;

    /// <summary>The HTML contract (docs/HTML-CONTRACT.md): every visible input has an id and a &lt;label for&gt; with text pointing at it.</summary>
    public void AssertEveryInputHasLabel()
    {
        Xunit.Assert.NotEmpty(VisibleInputs);
        foreach (var input in VisibleInputs)
        {
            var label = LabelFor(input);
            Xunit.Assert.True(label is not null && !string.IsNullOrWhiteSpace(label.TextContent),
                $"Input {input.GetAttribute("name")} on {Page.Uri} has no <label for> with text.");
        }
    }

    protected IElement Input(string name) =>
        Page.Document.QuerySelector($"input[name='{name}']")
            ?? throw new Xunit.Sdk.XunitException($"No input named {name} on {Page.Uri}: {Page.Text.Trim()}");

    protected Task<ProviderPage> SubmitAsync(IReadOnlyDictionary<string, string>? fields = null, string formSelector = "main form") =>
        Client.SubmitAsync(Page, fields, formSelector: formSelector);

    protected Task<HttpResponseMessage> PostAsync(IReadOnlyDictionary<string, string>? fields = null, string formSelector = "main form", string? action = null) =>
        Client.PostFormAsync(Page, fields, formSelector: formSelector, action: action);

    private string Joined(string selector) =>
        string.Join(" | ", Page.Document.QuerySelectorAll(selector).Select(element => element.TextContent.Trim()).Where(text => text.Length > 0));
}

/// <summary>What every page object class says of itself, so a test can ask "which page is this?".</summary>
public interface IPageObject<out TSelf>
    where TSelf : PageObject
{
    /// <summary>Whether a request for <paramref name="path"/> (absolute path, no query) lands on this page.</summary>
    static abstract bool IsAt(string path);

    static abstract TSelf Create(ProviderPage page);
}

public static class PageNavigation
{
    /// <summary>Whether the request ended on a <typeparamref name="TPage"/> (200, the provider's own page, that address).</summary>
    public static bool Is<TPage>(this ProviderPage page)
        where TPage : PageObject, IPageObject<TPage> =>
        page.ExternalRedirect is null && page.Status == HttpStatusCode.OK && TPage.IsAt(page.Uri.AbsolutePath);

    /// <summary>The request ended on a <typeparamref name="TPage"/>: its page object; else the test fails, saying where it ended.</summary>
    public static TPage As<TPage>(this ProviderPage page)
        where TPage : PageObject, IPageObject<TPage>
    {
        if (!page.Is<TPage>())
        {
            var alerts = string.Join(" | ", page.Document.QuerySelectorAll("[role=alert]").Select(element => element.TextContent.Trim()));
            var text = page.Text.Trim();
            throw new Xunit.Sdk.XunitException(
                $"Expected the {typeof(TPage).Name}, but ended on {page.Uri} {page.ExternalRedirect} ({(int)page.Status}): {alerts} {text[..Math.Min(300, text.Length)]}");
        }

        return TPage.Create(page);
    }

    public static async Task<TPage> As<TPage>(this Task<ProviderPage> pending)
        where TPage : PageObject, IPageObject<TPage> =>
        (await pending).As<TPage>();

    /// <summary>Opens <typeparamref name="TPage"/> at <paramref name="path"/> and checks that it is that page.</summary>
    public static Task<TPage> OpenAsync<TPage>(this ProviderClient client, string path)
        where TPage : PageObject, IPageObject<TPage> =>
        client.GetAsync(path).As<TPage>();
}
