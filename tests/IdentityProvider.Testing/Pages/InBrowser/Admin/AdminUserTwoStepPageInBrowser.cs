using IdentityProvider.Testing.Pages.Admin;
using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser.Admin;

/// <summary><see cref="AdminUserTwoStepPage"/> in the browser: suspend or restore a user's two-step sign-in.</summary>
public sealed class AdminUserTwoStepPageInBrowser(IPage page, Uri site) : PageInBrowser(page, site)
{
    /// <summary>Waits until the browser shows the two-step tab of user <paramref name="userId"/>.</summary>
    public static async Task<AdminUserTwoStepPageInBrowser> ReachedAsync(IPage page, Uri site, string userId)
    {
        await WaitForExactAsync(page, site, AdminUserTwoStepPage.PathFor(userId));
        return new(page, site);
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
}
