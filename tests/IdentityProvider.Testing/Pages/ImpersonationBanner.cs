namespace IdentityProvider.Testing.Pages;

/// <summary>
/// The banner every page shows in a session an administrator opened as a user: "Signed in as {user} by {admin}", when
/// it ends, and "Return to my account".
/// </summary>
public sealed class ImpersonationBanner(ProviderPage page)
{
    private const string Form = "form#impersonation-banner";

    /// <summary>The banner on <paramref name="page"/>; null when the page shows none.</summary>
    public static ImpersonationBanner? On(ProviderPage page) =>
        page.Document.QuerySelector(Form) is null ? null : new ImpersonationBanner(page);

    public static ImpersonationBanner? On(PageObject page) => On(page.Page);

    public string Text => page.Document.QuerySelector(Form)!.TextContent.Trim();

    /// <summary>"Return to my account": where it leads (the user's page in the admin area, or the sign-in page).</summary>
    public Task<ProviderPage> ReturnAsync() => page.Client.SubmitAsync(page, formSelector: Form);
}
