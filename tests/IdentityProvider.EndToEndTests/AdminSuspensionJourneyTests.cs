using IdentityProvider.Testing.Pages.InBrowser;
using IdentityProvider.Testing.Pages.InBrowser.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;
using static Microsoft.Playwright.Assertions;

namespace IdentityProvider.EndToEndTests;

/// <summary>
/// An administrator helps a user who lost the device, in a real browser: finds the user, suspends two-step
/// sign-in for 3 days with a reason; the user then signs in at the relying party with the password alone
/// (amr pwd); the administrator restores it and the user's next sign-in asks for the one-time password again.
/// </summary>
public class AdminSuspensionJourneyTests(BrowserJourneyFixture fixture) : IClassFixture<BrowserJourneyFixture>
{
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
        await BrowserJourney.RunAsync(fixture.Browser, async journey =>
        {
            // The administrator signs in with both steps: the admin area demands them.
            var adminPage = await journey.NewTabAsync();
            await BrowserSteps.SignInAdministratorAsync(adminPage, provider, admin, adminDevice, clock);

            // Finds the user and opens the Two-step sign-in tab.
            var users = await AdminUsersPageInBrowser.OpenAsync(adminPage, provider);
            await users.SearchAsync(user.Email);
            var details = await users.OpenUserAsync(user.Email, user.Id);
            var twoStep = await details.OpenTwoStepAsync();
            await Expect(twoStep.TwoStepHeading).ToBeVisibleAsync();

            // Suspends it for 3 days, with a reason.
            await twoStep.SuspendForDaysAsync("3", "Phone lost; new one arrives Friday");
            await Expect(twoStep.StatusMessage).ToContainTextAsync("suspended for 3 days");
            await Expect(twoStep.RestoreButton).ToBeVisibleAsync();

            // The user signs in at the relying party with the password alone.
            var current = await journey.NewTabAsync();
            await BrowserSteps.SignInAtRelyingPartyAsync(current, rp, provider, user);
            var relyingParty = await RelyingPartyPageInBrowser.ReachedAsync(current, rp);
            await Expect(relyingParty.SignedIn).ToBeVisibleAsync();
            await Expect(relyingParty.Amr).ToHaveTextAsync("pwd");
            await current.CloseAsync();

            // The administrator restores two-step sign-in.
            journey.Current = adminPage;
            await twoStep.RestoreAsync();
            await Expect(twoStep.StatusMessage).ToContainTextAsync("applies again");
            await Expect(twoStep.SuspendButton).ToBeVisibleAsync();

            // The user's next sign-in asks for the one-time password again, and gets both steps.
            current = await journey.NewTabAsync();
            await BrowserSteps.SignInAtRelyingPartyAsync(current, rp, provider, user);
            var oneTimePassword = await TwoStepPageInBrowser.ReachedAsync(current, provider);
            await Expect(oneTimePassword.Code).ToBeFocusedAsync();
            clock.Advance(TimeSpan.FromSeconds(30));
            await oneTimePassword.TypeIntoFocusAndEnterAsync(userDevice.TotpNow(clock));
            relyingParty = await RelyingPartyPageInBrowser.ReachedAsync(current, rp);
            await Expect(relyingParty.Amr).ToHaveTextAsync("pwd otp mfa");
        });
    }
}
