using Microsoft.Playwright;

namespace IdentityProvider.EndToEndTests;

/// <summary>What the browser journeys share: the password step as a person does it, and the page for a failure message.</summary>
internal static class BrowserSteps
{
    public static async Task SubmitPasswordAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>The page's HTML for a failure message, or a note when the page is gone.</summary>
    public static async Task<string> SafeContentAsync(IPage page)
    {
        try
        {
            return await page.ContentAsync();
        }
        catch (PlaywrightException)
        {
            return "(page content unavailable)";
        }
    }
}
