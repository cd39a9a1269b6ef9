using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.IntegrationTests.RecoveryCodes;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>The administrator's help for a user who lost the device: a new code set, and removing a device.</summary>
public sealed class AdminLostDeviceTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task GenerateCodes_ShowsTheNewSetOnceToTheAdminAndVoidsTheOld()
    {
        var (user, _, oldCodes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        var (adminClient, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var tab = await AdminUserTwoStepPage.OpenAsync(client, user.Id);
        Assert.Contains("10 unused of 10", tab.CodesRemainingText);
        Assert.Empty(tab.IssuedCodes);

        var shown = await tab.GenerateAsync().As<AdminUserTwoStepPage>();

        Assert.Equal(user.Id, shown.UserId);
        var newCodes = shown.IssuedCodes;
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));
        Assert.All(oldCodes, code => Assert.DoesNotContain(code, shown.Page.Body));
        RecoveryCodeIssueTests.AssertShowOncePage(shown);
        var reload = await AdminUserTwoStepPage.OpenAsync(client, user.Id);
        Assert.Empty(reload.IssuedCodes);
        Assert.All(newCodes, code => Assert.DoesNotContain(code, reload.Page.Body));

        var generated = (await Factory.SecurityEventsAsync(user.Id)).Last(row => row.Kind == SecurityEventKinds.RecoveryCodesGenerated);
        Assert.Equal(admin.Id, generated.ActorId);

        // The user signs in with a handed-over code; an old one is refused with the one message.
        using var userClient = fixture.CreateClient();
        var request = UserStories.WebRequest();
        var page = await (await UserStories.PasswordToOtpPageAsync(userClient, request, user)).UseRecoveryCodeAsync();
        var refused = await page.SubmitCodeAsync(oldCodes[0]).As<RecoveryCodePage>();
        Assert.Contains(RecoveryCodePage.NotValid, refused.Alerts);
        var tokens = await UserStories.ExchangeCodeAsync(userClient, request, await refused.SubmitCodeAsync(newCodes[0]));
        Assert.Equal(["pwd", "otp", "mfa"], tokens.Amr);
    }

    [Fact]
    public async Task GenerateCodes_ForOneUser_AreNotShownOnAnotherUsersTab()
    {
        var (first, _, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        var (second, _, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var tab = await AdminUserTwoStepPage.OpenAsync(client, first.Id);

        // The generate form posts and redirects; stop before the redirect is followed and open another user's tab.
        var response = await tab.PostGenerateAsync();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var other = await AdminUserTwoStepPage.OpenAsync(client, second.Id);

        Assert.Empty(other.IssuedCodes);
    }

    [Fact]
    public async Task RemoveDevice_RemovesItAndLogsTheAdmin()
    {
        var (user, _, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        var (adminClient, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var tab = await AdminUserTwoStepPage.OpenAsync(client, user.Id);
        Assert.Single(tab.DeviceRows);

        var after = await tab.RemoveDeviceAsync(tab.DeviceIds[0]).As<AdminUserTwoStepPage>();

        Assert.Equal(user.Id, after.UserId);
        Assert.Contains("was removed", after.StatusMessage);
        Assert.True(after.SaysNoDevices);
        var removed = Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.DeviceRemoved);
        Assert.Equal(admin.Id, removed.ActorId);

        // Without a device (and no policy requiring one) the password alone signs in again.
        using var userClient = fixture.CreateClient();
        var request = UserStories.WebRequest();
        Assert.Equal(["pwd"], (await UserStories.ExchangeCodeAsync(userClient, request, await UserStories.SignInWithPasswordAsync(userClient, request, user))).Amr);
    }

    [Fact]
    public async Task RemoveDevice_ThatIsNotTheUsers_IsRefusedWithAMessage()
    {
        var (user, _, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        var (other, otherDevice, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var tab = await AdminUserTwoStepPage.OpenAsync(client, user.Id);

        var answer = await tab.RemoveDeviceAsync(otherDevice.Id).As<AdminUserTwoStepPage>();
        var garbage = await tab.RemoveDeviceAsync(new string('x', 500)).As<AdminUserTwoStepPage>();

        Assert.Equal(user.Id, answer.UserId);
        Assert.Contains("does not exist", answer.Alerts);
        Assert.Equal(user.Id, garbage.UserId);
        Assert.Contains("does not exist", garbage.Alerts);
        Assert.Single((await AdminUserTwoStepPage.OpenAsync(client, other.Id)).DeviceRows);
        Assert.Single((await AdminUserTwoStepPage.OpenAsync(client, user.Id)).DeviceRows);
    }
}
