namespace IdentityProvider.Testing.Pages.Admin;

/// <summary>
/// The one confirmation a destructive admin action asks for (disable a user, mark a token lost, delete a token): the
/// question and what will happen, and the button that does it.
/// </summary>
public static class AdminConfirmStep
{
    private const string Section = "section.confirm-step";

    /// <summary>"Disable …?" and what will happen, as the page asks; "" when it asks nothing.</summary>
    public static string Text(PageObject page) => page.Page.Document.QuerySelector(Section)?.TextContent.Trim() ?? "";

    /// <summary>Confirms the action the page asks about; where that leads.</summary>
    public static async Task<ProviderPage> ConfirmAsync(ProviderPage page)
    {
        Xunit.Assert.True(page.Document.QuerySelector(Section) is not null, $"No confirmation asked on {page.Uri}: {page.Text.Trim()}");
        return await page.Client.SubmitAsync(page, formSelector: $"{Section} form");
    }
}
