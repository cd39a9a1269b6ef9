namespace IdentityProvider.Testing.Pages;

/// <summary><c>/Account/Consent</c>: the scopes an explicit-consent client asks for; Allow or Deny.</summary>
public sealed class ConsentPage(ProviderPage page) : PageObject(page), IPageObject<ConsentPage>
{
    public const string Path = "/Account/Consent";

    /// <summary>The form field the Allow and Deny buttons set, as a forged cross-site post would.</summary>
    public const string DecisionField = "consent_decision";

    public const string AcceptDecision = "accept";

    public static bool IsAt(string path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static ConsentPage Create(ProviderPage page) => new(page);

    /// <summary>Opens the page for any return URL (as a crafted link would): the answer as it is.</summary>
    public static Task<ProviderPage> TryOpenAsync(ProviderClient client, string returnUrl) =>
        client.GetAsync(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path, "ReturnUrl", returnUrl));

    /// <summary>The scopes listed for the user to approve, in page order.</summary>
    public IReadOnlyList<string> ListedScopes =>
        Page.Document.QuerySelectorAll("#requested-scopes [data-scope]").Select(item => item.GetAttribute("data-scope") ?? "").ToList();

    public Task<ProviderPage> AllowAsync() => Client.SubmitAsync(Page, button: Decision("Allow"));

    public Task<ProviderPage> DenyAsync() => Client.SubmitAsync(Page, button: Decision("Deny"));

    private (string Name, string Value) Decision(string text)
    {
        var button = Page.Document.QuerySelectorAll("main form button").FirstOrDefault(candidate => candidate.TextContent.Trim() == text)
            ?? throw new Xunit.Sdk.XunitException($"No {text} button on {Page.Uri}");
        return (button.GetAttribute("name")!, button.GetAttribute("value")!);
    }
}
