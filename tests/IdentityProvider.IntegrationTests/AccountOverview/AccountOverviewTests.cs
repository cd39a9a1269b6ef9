using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.PersonalAccessTokens;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.AccountOverview;

/// <summary>
/// /Manage at a glance: two-step sign-in off (with the call to turn it on), on (devices, last use) or suspended by an
/// administrator; recovery codes left with a warning at 3 or fewer; remembered browsers; active tokens and the
/// nearest expiry; linked sign-in methods; the last password change.
/// </summary>
public class AccountOverviewTests(AccountOverviewFixture provider) : IClassFixture<AccountOverviewFixture>
{
    private ProviderFactory Factory => provider.Factory;

    [Fact]
    public async Task Overview_TwoStepOff_SaysOffAndCallsToTurnItOn()
    {
        var (_, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;

        var account = await ManagePage.OpenAsync(client).As<ManagePage>();

        Assert.Equal("Off", account.TwoStepState);
        Assert.Equal(0, account.TwoStepDevices);
        Assert.True(account.ShowsTwoStepCallToAction);
        Assert.Equal(-1, account.RecoveryCodesLeft); // not needed without a device
        Assert.False(account.ShowsRecoveryCodesWarning);
        Assert.Equal(0, account.RememberedBrowsers);
        Assert.Equal("Set", account.PasswordState);
        Assert.Equal("None", account.LinkedProviders);
        Assert.StartsWith("Not changed", account.PasswordChanged);
        Assert.False((await account.TurnOnTwoStepAsync()).ShowsConfirmation); // the enrolment's first form
    }

    [Fact]
    public async Task Overview_TwoStepOn_ShowsDeviceCountAndLastUse_NoCallToAction()
    {
        var (user, device, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        await UserStories.EnrolHotpAsync(Factory, user.Id, "Key fob");
        using var client = provider.CreateClient();

        var account = (await UserStories.SignInWithTwoStepsAsync(Factory, client, user, device)).As<ManagePage>();

        Assert.Equal("On", account.TwoStepState);
        Assert.Equal(2, account.TwoStepDevices);
        var used = (await Factory.ReadDeviceAsync(device.Id)).LastUsedAt;
        Assert.NotNull(used);
        Assert.Equal(ActivityStories.ToSecond(used.Value), account.TwoStepLastUsedAt);
        Assert.False(account.ShowsTwoStepCallToAction);
        Assert.Equal(10, account.RecoveryCodesLeft);
        Assert.False(account.ShowsRecoveryCodesWarning);
        // The sections keep the link texts of docs/HTML-CONTRACT.md.
        Assert.True(account.HasLink(ManagePage.TwoStepLink) && account.HasLink(ManagePage.RecoveryCodesLink)
            && account.HasLink(ManagePage.RememberedBrowsersLink) && account.HasLink(ManagePage.TokensLink));
    }

    [Fact]
    public async Task Overview_ThreeRecoveryCodesLeft_WarnsWithLinkToANewSet_FourDoNot()
    {
        var (user, device, codes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        await SpendAsync(user.Id, codes.Take(6));
        using var client = provider.CreateClient();

        var four = (await UserStories.SignInWithTwoStepsAsync(Factory, client, user, device)).As<ManagePage>();
        Assert.Equal(4, four.RecoveryCodesLeft);
        Assert.False(four.ShowsRecoveryCodesWarning);

        await SpendAsync(user.Id, [codes[6]]);
        var three = await ManagePage.OpenAsync(client).As<ManagePage>();
        Assert.Equal(3, three.RecoveryCodesLeft);
        Assert.True(three.ShowsRecoveryCodesWarning);
        Assert.True((await three.GenerateRecoveryCodesAsync()).OffersGenerate);
    }

    [Fact]
    public async Task Overview_SuspendedByAdministrator_SaysSuspendedAndUntilWhen()
    {
        var (user, _, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        var (adminClient, _) = await UserStories.SignedInAdminAsync(provider);
        using (adminClient)
        {
            await (await AdminUserTwoStepPage.OpenAsync(adminClient, user.Id)).SuspendAsync("3", "Phone lost").As<AdminUserTwoStepPage>();
        }

        using var client = provider.CreateClient();
        var account = (await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password)).As<ManagePage>();

        Assert.Equal("Suspended by an administrator", account.TwoStepState);
        var until = (await Factory.ReadUserAsync(user.Id)).TwoStepDisabledUntil;
        Assert.NotNull(until);
        Assert.Equal(ActivityStories.ToSecond(until.Value), account.TwoStepSuspendedUntilAt);
        Assert.Equal(1, account.TwoStepDevices);
        Assert.False(account.ShowsTwoStepCallToAction);
    }

    [Fact]
    public async Task Overview_Tokens_CountsActiveOnesAndShowsTheNearestExpiry()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;
        var now = Factory.Clock.GetUtcNow();
        await IssueTokenAsync(user.Id, "late", 90);
        await IssueTokenAsync(user.Id, "soon", 10);
        var revoked = await IssueTokenAsync(user.Id, "revoked", 5);
        Assert.True(await Factory.WithServiceAsync<UserTokens, bool>(tokens => tokens.RevokeAsync(user.Id, revoked)));

        var account = await ManagePage.OpenAsync(client).As<ManagePage>();

        Assert.Equal(2, account.ActiveTokens);
        Assert.Equal(ActivityStories.ToSecond(now.AddDays(10)), account.NextTokenExpiryAt);
    }

    [Fact]
    public async Task Overview_LinkedAccountAndPasswordChange_ShowsProviderAndWhenThePasswordChanged()
    {
        var (user, client) = await UserStories.SignedInUserAsync(provider);
        using var _ = client;
        await Factory.QueryAsync(db =>
        {
            db.ExternalLogins.Add(new ExternalLogin
            {
                Id = Guid.NewGuid(),
                UserId = user.Id,
                ProviderId = "partner-idp",
                Issuer = "https://partner.example",
                Subject = "p-123",
                LinkedAt = Factory.Clock.GetUtcNow(),
            });
            return db.SaveChangesAsync();
        });
        Factory.Clock.Advance(TimeSpan.FromHours(2));

        var change = await (await ManagePage.OpenAsync(client).As<ManagePage>()).OpenChangePasswordAsync();
        var account = (await change.ChangeAsync(user.Password, "overview-new-password-1")).As<ManagePage>();

        Assert.Equal("partner-idp", account.LinkedProviders);
        Assert.Equal("Set", account.PasswordState);
        Assert.Equal(ActivityStories.ToSecond(Factory.Clock.GetUtcNow()), account.PasswordChangedAt);
    }

    private async Task<Guid> IssueTokenAsync(string userId, string label, int days)
    {
        var result = await Factory.WithServiceAsync<UserTokens, ChangeResult<CreatedToken>>(tokens =>
            tokens.CreateAsync(userId, new NewTokenInput(label, days, false, ["api"])));
        Assert.True(result.Succeeded, string.Join(" | ", result.Problems.Select(problem => problem.Message)));
        return result.Value!.Token.Id;
    }

    private async Task SpendAsync(string userId, IEnumerable<string> codes)
    {
        foreach (var code in codes)
        {
            Assert.Equal(RecoveryCodeResult.Accepted,
                await Factory.WithServiceAsync<RecoveryCodeStore, RecoveryCodeResult>(store => store.TryRedeemAsync(userId, code)));
        }
    }
}
