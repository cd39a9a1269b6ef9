using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Sessions;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.IntegrationTests.Impersonation;

/// <summary>
/// An administrator signs in as a user: the session is the user's, every page says so, both accounts' logs and the
/// user's mail and activity record it, and it ends by "Return to my account", at sign-out, after 30 minutes, or when
/// the administrator's rights end.
/// </summary>
public class SignInAsUserTests(ImpersonationFixture provider) : IClassFixture<ImpersonationFixture>
{
    [Fact]
    public async Task SignInAs_OpensTheUsersAccount_WithTheBanner_AndRecordsItForBothAccounts()
    {
        using var acting = await ImpersonationStories.AdministratorSignsInAsUserAsync(provider);

        Assert.Contains(acting.User.Email, acting.Landing.Text, StringComparison.Ordinal);
        var banner = ImpersonationBanner.On(acting.Landing) ?? throw new Xunit.Sdk.XunitException("The account page shows no banner.");
        Assert.Contains($"Signed in as {acting.User.Email} by Test Person", banner.Text, StringComparison.Ordinal);
        Assert.NotNull(ImpersonationBanner.On(await ActivityPage.OpenAsync(acting.Client)));

        var started = Assert.Single(await provider.Factory.SecurityEventsAsync(acting.User.Id), row => row.Kind == SecurityEventKinds.ImpersonationStarted);
        Assert.Equal(acting.Admin.Id, started.ActorId);
        Assert.Contains(ImpersonationStories.Reason, started.Detail, StringComparison.Ordinal);
        var ownRecord = Assert.Single(await provider.Factory.SecurityEventsAsync(acting.Admin.Id), row => row.Kind == SecurityEventKinds.SignedInAsUser);
        Assert.Contains(acting.User.Id, ownRecord.Detail, StringComparison.Ordinal);
        Assert.Contains(ImpersonationStories.Reason, ownRecord.Detail, StringComparison.Ordinal);

        // The user is told by mail, with the reason, whatever their notification choices.
        var mail = Assert.Single(await provider.Mail.WaitForAsync(acting.User.Email, MailStories.Notice("an administrator signed in as you")));
        Assert.Contains("An administrator signed in to the provider as you", mail.Text(), StringComparison.Ordinal);
        Assert.Contains(ImpersonationStories.Reason, mail.Text(), StringComparison.Ordinal);

        // The user's activity page lists it, as an administrator's act.
        var activity = await ActivityPage.OpenAsync(acting.Client);
        var row = Assert.Single(activity.Rows, entry => entry.Kind == SecurityEventKinds.ImpersonationStarted);
        Assert.True(row.ByAdministrator);
        Assert.StartsWith("Signed in as you, to see what you see.", row.What, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionAsAUser_NeverEntersTheAdminArea_AndSaysWhy()
    {
        using var acting = await ImpersonationStories.AdministratorSignsInAsUserAsync(provider, ProviderRoles.UserManager);

        var refused = await AccessDeniedPage.RefusalAsync(AdminUsersPage.OpenAsync(acting.Client));
        Assert.Contains("Return to my account", refused.AdminExplanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnToMyAccount_GivesTheAdministratorsSessionBack_OnTheUsersPage()
    {
        using var acting = await ImpersonationStories.AdministratorSignsInAsUserAsync(provider);

        var back = (await ImpersonationBanner.On(acting.Landing)!.ReturnAsync()).As<AdminUserPage>();

        Assert.Equal(acting.User.Id, back.UserId);
        Assert.Null(ImpersonationBanner.On(back));
        Assert.True((await AdminPolicyPage.TryOpenAsync(acting.Client)).Is<AdminPolicyPage>(), "The administrator's session did not come back whole.");
        await AssertEndedAsync(acting, "returned");
    }

    [Fact]
    public async Task SignOut_EndsTheSessionAsTheUser_AndTheAdministratorsKeptAside()
    {
        using var acting = await ImpersonationStories.AdministratorSignsInAsUserAsync(provider);

        await (await LogoutPage.OpenAsync(acting.Client)).SignOutAsync();

        Assert.True((await ManagePage.OpenAsync(acting.Client)).Is<LoginPage>());
        Assert.Empty(await provider.Factory.QueryAsync(db => db.UserSessions.Where(row => row.UserId == acting.Admin.Id).ToListAsync()));
        await AssertEndedAsync(acting, "signed out");
    }

    [Fact]
    public async Task SessionAsAUser_EndsByItselfAfter30Minutes()
    {
        using var acting = await ImpersonationStories.AdministratorSignsInAsUserAsync(provider);
        provider.Factory.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.True((await ManagePage.OpenAsync(acting.Client)).Is<ManagePage>());

        provider.Factory.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.True((await ManagePage.OpenAsync(acting.Client)).Is<LoginPage>(), "The session as the user outlived its 30 minutes.");
        await AssertEndedAsync(acting, "time is up");
    }

    [Fact]
    public async Task SessionAsAUser_EndsWhenTheAdministratorLosesTheRole()
    {
        using var acting = await ImpersonationStories.AdministratorSignsInAsUserAsync(provider);

        await provider.Factory.WithServiceAsync<UserManager<ApplicationUser>, IdentityResult>(async users =>
            await users.RemoveFromRoleAsync((await users.FindByIdAsync(acting.Admin.Id))!, ProviderRoles.Administrator));

        Assert.True((await ManagePage.OpenAsync(acting.Client)).Is<LoginPage>(), "The session as the user outlived the administrator's rights.");
        await AssertEndedAsync(acting, "rights ended");
    }

    [Fact]
    public async Task SessionAsAUser_EndedElsewhere_EndsTheAdministratorsKeptSessionToo()
    {
        using var acting = await ImpersonationStories.AdministratorSignsInAsUserAsync(provider);

        // Another administrator signs the user out everywhere.
        await provider.Factory.WithServiceAsync<ServerSessions, bool>(async sessions => { await sessions.EndAllAsync(acting.User.Id); return true; });

        Assert.True((await ManagePage.OpenAsync(acting.Client)).Is<LoginPage>());
        Assert.Empty(await provider.Factory.QueryAsync(db => db.UserSessions.Where(row => row.UserId == acting.Admin.Id).ToListAsync()));
        await AssertEndedAsync(acting, "the session as the user was ended");
    }

    private async Task AssertEndedAsync(Testing.Stories.Impersonation acting, string why)
    {
        var ended = Assert.Single(await provider.Factory.SecurityEventsAsync(acting.User.Id), row => row.Kind == SecurityEventKinds.ImpersonationEnded);
        Assert.Contains(why, ended.Detail, StringComparison.Ordinal);
        Assert.Equal(acting.Admin.Id, ended.ActorId);
        Assert.Single(await provider.Factory.SecurityEventsAsync(acting.Admin.Id), row => row.Kind == SecurityEventKinds.SignedInAsUserEnded);
        Assert.Empty(await provider.Factory.QueryAsync(db => db.UserSessions.Where(row => row.UserId == acting.User.Id).ToListAsync()));
    }
}
