using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdentityProvider.EndToEndTests;

/// <summary>
/// An administrator helps a user who lost the device, in a real browser: finds the user, suspends two-step
/// sign-in for 3 days with a reason; the user then signs in at the relying party with the password alone
/// (amr pwd); the administrator restores it and the user's next sign-in asks for the one-time password again.
/// </summary>
public class AdminSuspensionJourneyTests(BrowserJourneyFixture fixture) : IClassFixture<BrowserJourneyFixture>
{
    private const float Timeout = 20_000;

    [Fact]
    public async Task Journey_AdminSuspendsTwoStepForThreeDays_UserSignsInWithPasswordAlone_ThenRestoredAsksForOtp()
    {
        var provider = fixture.Rig.ProviderAddress;
        var rp = fixture.Rig.RelyingPartyAddress;
        // Note: the provider reads the test's clock, which stands still; the test moves it to the next time step.
        var clock = fixture.Rig.Provider.Clock;
        var admin = await UserStories.CreateUserAsync(fixture.Rig.Provider, role: ProviderRoles.Administrator, displayName: "Ada Admin");
        var adminDevice = await UserStories.EnrolTotpAsync(fixture.Rig.Provider, admin.Id);
        var user = await UserStories.CreateUserAsync(fixture.Rig.Provider, displayName: "Lost Phone");
        var userDevice = await UserStories.EnrolTotpAsync(fixture.Rig.Provider, user.Id);
        var adminPage = await fixture.Browser.NewPageAsync();
        adminPage.SetDefaultTimeout(Timeout);
        var current = adminPage;
        try
        {
            // The administrator signs in with both steps: the admin area demands them.
            await BrowserSteps.SignInAdministratorAsync(adminPage, provider, admin, adminDevice, clock);

            // Finds the user and opens the Two-step sign-in tab.
            await adminPage.GotoAsync(new Uri(provider, AdminUsersPage.Path).ToString());
            await adminPage.GetByLabel("Search by e-mail address or name", new() { Exact = true }).FillAsync(user.Email);
            await adminPage.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
            await adminPage.GetByRole(AriaRole.Link, new() { Name = user.Email, Exact = true }).ClickAsync();
            await adminPage.WaitForURLAsync(new Uri(provider, AdminUserPage.PathFor(user.Id)).ToString());
            await adminPage.GetByRole(AriaRole.Link, new() { Name = "Two-step sign-in", Exact = true }).ClickAsync();
            await adminPage.WaitForURLAsync(new Uri(provider, AdminUserTwoStepPage.PathFor(user.Id)).ToString());
            await Expect(adminPage.GetByRole(AriaRole.Heading, new() { Name = "Two-step sign-in", Exact = true })).ToBeVisibleAsync();

            // Suspends it for 3 days, with a reason.
            await adminPage.GetByRole(AriaRole.Radio, new() { Name = "For a number of days" }).CheckAsync();
            await adminPage.GetByLabel("Days (1 to 365)", new() { Exact = true }).FillAsync("3");
            await adminPage.GetByLabel("Reason", new() { Exact = true }).FillAsync("Phone lost; new one arrives Friday");
            await adminPage.GetByRole(AriaRole.Button, new() { Name = "Suspend two-step sign-in", Exact = true }).ClickAsync();
            await Expect(adminPage.GetByRole(AriaRole.Status)).ToContainTextAsync("suspended for 3 days");
            await Expect(adminPage.GetByRole(AriaRole.Button, new() { Name = "Restore two-step sign-in", Exact = true })).ToBeVisibleAsync();

            // The user signs in at the relying party with the password alone.
            current = await fixture.Browser.NewPageAsync();
            current.SetDefaultTimeout(Timeout);
            await BrowserSteps.SignInAtRelyingPartyAsync(current, rp, provider, user);
            await current.WaitForURLAsync(rp.ToString());
            await Expect(current.GetByRole(AriaRole.Heading, new() { Name = "Signed in" })).ToBeVisibleAsync();
            await Expect(current.Locator("#amr")).ToHaveTextAsync("pwd");
            await current.CloseAsync();

            // The administrator restores two-step sign-in.
            current = adminPage;
            await adminPage.GetByRole(AriaRole.Button, new() { Name = "Restore two-step sign-in", Exact = true }).ClickAsync();
            await Expect(adminPage.GetByRole(AriaRole.Status)).ToContainTextAsync("applies again");
            await Expect(adminPage.GetByRole(AriaRole.Button, new() { Name = "Suspend two-step sign-in", Exact = true })).ToBeVisibleAsync();

            // The user's next sign-in asks for the one-time password again, and gets both steps.
            current = await fixture.Browser.NewPageAsync();
            current.SetDefaultTimeout(Timeout);
            await BrowserSteps.SignInAtRelyingPartyAsync(current, rp, provider, user);
            await current.WaitForURLAsync(url => url.StartsWith(new Uri(provider, TwoStepPage.Path).ToString(), StringComparison.OrdinalIgnoreCase));
            var code = current.GetByLabel("One-time password", new() { Exact = true });
            await Expect(code).ToBeFocusedAsync();
            clock.Advance(TimeSpan.FromSeconds(30));
            await current.Keyboard.TypeAsync(userDevice.TotpNow(clock));
            await current.Keyboard.PressAsync("Enter");
            await current.WaitForURLAsync(rp.ToString());
            await Expect(current.Locator("#amr")).ToHaveTextAsync("pwd otp mfa");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"The journey stopped at {current.Url}: {e.Message}\n--- page ---\n{await BrowserSteps.SafeContentAsync(current)}");
        }
        finally
        {
            if (!current.IsClosed)
            {
                await current.CloseAsync();
            }

            if (!adminPage.IsClosed)
            {
                await adminPage.CloseAsync();
            }
        }
    }
}
