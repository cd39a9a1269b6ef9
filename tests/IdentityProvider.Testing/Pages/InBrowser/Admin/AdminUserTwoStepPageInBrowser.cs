using IdentityProvider.Testing.Pages.Admin;
using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser.Admin;

/// <summary><see cref="AdminUserTwoStepPage"/> in the browser: suspend or restore a user's two-step sign-in, remove a passkey.</summary>
public sealed class AdminUserTwoStepPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>Waits until the browser shows the two-step tab of user <paramref name="userId"/>.</summary>
    public static async Task<AdminUserTwoStepPageInBrowser> ReachedAsync(IPage page, Uri site, string userId)
    {
        await WaitForExactAsync(page, site, AdminUserTwoStepPage.PathFor(userId));
        return new(page, site);
    }

    /// <summary>Opens the two-step tab of user <paramref name="userId"/> by its address.</summary>
    public static async Task<AdminUserTwoStepPageInBrowser> OpenAsync(IPage page, Uri site, string userId)
    {
        await page.GotoAsync(At(site, AdminUserTwoStepPage.PathFor(userId)));
        return await ReachedAsync(page, site, userId);
    }

    /// <summary>The "Two-step sign-in" heading.</summary>
    public ILocator TwoStepHeading => Heading("Two-step sign-in");

    public ILocator SuspendButton => Button("Suspend two-step sign-in");

    public ILocator RestoreButton => Button("Restore two-step sign-in");

    /// <summary>Chooses "For a number of days", types the days (as typed) and the reason, and presses "Suspend two-step sign-in".</summary>
    public async Task SuspendForDaysAsync(string days, string reason)
    {
        await Radio("For a number of days").CheckAsync();
        await Field("Days (1 to 365)").FillAsync(days);
        await Field("Reason").FillAsync(reason);
        await SuspendButton.ClickAsync();
    }

    /// <summary>Presses "Restore two-step sign-in".</summary>
    public Task RestoreAsync() => RestoreButton.ClickAsync();

    /// <summary>The rows of the passkeys table.</summary>
    public ILocator Passkeys => Page.Locator("#passkeys tbody tr");

    /// <summary>"No passkey."</summary>
    public ILocator NoPasskeys => Page.Locator("#no-passkeys");

    /// <summary>The question the confirmation asks ("Remove the passkey … of …?").</summary>
    public ILocator ConfirmQuestion => Page.Locator(".confirm-step h2");

    /// <summary>Presses Remove on the row of the passkey named <paramref name="name"/>, which asks to confirm.</summary>
    public Task AskToRemovePasskeyAsync(string name) =>
        Passkeys.Filter(new() { HasText = name }).GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();

    /// <summary>Confirms the removal ("Remove passkey").</summary>
    public Task ConfirmPasskeyRemovalAsync() => Button("Remove passkey").ClickAsync();
}
