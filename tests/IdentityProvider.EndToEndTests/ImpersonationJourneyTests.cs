using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages.InBrowser;
using IdentityProvider.Testing.Pages.InBrowser.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;
using static Microsoft.Playwright.Assertions;

namespace IdentityProvider.EndToEndTests;

/// <summary>
/// An administrator signs in as a user, in a real browser: the relying party's id_token names the administrator in
/// <c>act</c>, every page shows the banner, a password change is refused, "Return to my account" gives the
/// administrator's session back, and the user finds it on the activity page and in the mailbox.
/// </summary>
public class ImpersonationJourneyTests(MailJourneyFixture fixture) : IClassFixture<MailJourneyFixture>
{
    private const string Reason = "Helpdesk call: the portal shows no data";

    [Fact]
    public async Task Journey_AdministratorSignsInAsUser_AtTheRelyingParty_ThenReturns_AndTheUserIsTold()
    {
        var provider = fixture.Rig.ProviderAddress;
        var rp = fixture.Rig.RelyingPartyAddress;
        var clock = fixture.Rig.Provider.Clock;
        var admin = await UserStories.CreateUserAsync(fixture.Rig.Provider, role: ProviderRoles.Administrator, displayName: "Ada Admin");
        var adminDevice = await UserStories.EnrolTotpAsync(fixture.Rig.Provider, admin.Id);
        var user = await UserStories.CreateUserAsync(fixture.Rig.Provider, displayName: "Ivan Petrov");
        await BrowserJourney.RunAsync(fixture.Browser, async journey =>
        {
            var adminPage = await journey.NewTabAsync();
            await BrowserSteps.SignInAdministratorAsync(adminPage, provider, admin, adminDevice, clock);
            var users = await AdminUsersPageInBrowser.OpenAsync(adminPage, provider);
            await users.SearchAsync(user.Email);
            var details = await users.OpenUserAsync(user.Email, user.Id);

            // Signs in as the user, with a reason: the user's account page, under the banner.
            await (await details.OpenSignInAsAsync()).SignInAsAsync(Reason);
            var banner = new ImpersonationBannerInBrowser(adminPage, provider);
            await Expect(banner.Banner).ToContainTextAsync($"Signed in as {user.Email} by Ada Admin");

            // The relying party signs in with this session: its id_token's act names the administrator.
            var relyingParty = await (await RelyingPartyPageInBrowser.OpenAsync(adminPage, rp)).SignInWithSessionAsync();
            await Expect(relyingParty.SignedIn).ToBeVisibleAsync();
            await Expect(relyingParty.Claim("sub")).ToHaveTextAsync(user.Id);
            await Expect(relyingParty.Claim("act")).ToContainTextAsync(admin.Id);
            await Expect(relyingParty.Amr).ToHaveTextAsync("pwd otp mfa");

            // A password change is refused, saying why.
            await (await ChangePasswordPageInBrowser.OpenAsync(adminPage, provider)).ChangeAsync(user.Password, "Another-password-2026!");
            var refused = await ConfirmChangePageInBrowser.ReachedAsync(adminPage, provider);
            await Expect(refused.NotChanged).ToContainTextAsync(user.Email);
            await Expect(banner.Banner).ToBeVisibleAsync();

            // "Return to my account": the administrator is back, on the user's page in the admin area, without the banner.
            await banner.ReturnAsync(user.Id);
            await Expect(banner.ReturnButton).ToHaveCountAsync(0);

            // The user's mailbox and activity page say that an administrator signed in as them.
            var mail = Assert.Single(await fixture.Mail.WaitForAsync(user.Email, MailStories.Notice("an administrator signed in as you")));
            Assert.Contains(Reason, mail.Text(), StringComparison.Ordinal);
            var current = await journey.NewTabAsync();
            await (await ManagePageInBrowser.OpenWithoutSessionAsync(current, provider)).SubmitAsync(user.Email, user.Password);
            await ManagePageInBrowser.ReachedAsync(current, provider);
            var activity = await ActivityPageInBrowser.OpenAsync(current, provider);
            await Expect(activity.Row("Signed in as you, to see what you see.")).ToBeVisibleAsync();
            await Expect(activity.Row("The session opened as you ended.")).ToBeVisibleAsync();
        });
    }
}
