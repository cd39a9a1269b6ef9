using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Pages.Admin;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>
/// Suspending two-step sign-in for a user who lost the device: the password alone signs in (amr ["pwd"]) for
/// N days or until restored, except where the relying party demands two steps.
/// </summary>
public sealed class AdminSuspensionTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task SuspendForDays_PasswordAloneSignsInUntilTheDaysAreOver()
    {
        var (user, device, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        var (adminClient, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;

        var after = await (await AdminUserTwoStepPage.OpenAsync(client, user.Id)).SuspendAsync("3", "  Phone lost on a trip  ").As<AdminUserTwoStepPage>();

        Assert.Equal(user.Id, after.UserId);
        Assert.Contains("suspended for 3 days", after.StatusMessage);
        Assert.Contains("Phone lost on a trip", after.SuspensionText);
        var stored = await Factory.ReadUserAsync(user.Id);
        Assert.Equal("Phone lost on a trip", stored.TwoStepDisabledReason);
        Assert.False(stored.TwoStepDisabledIndefinitely);
        var logged = Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.TwoStepSuspended);
        Assert.Equal(admin.Id, logged.ActorId);
        Assert.Contains("Phone lost on a trip", logged.Detail);

        Assert.Equal(["pwd"], await PasswordOnlySignInAsync(user));
        Factory.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(5));
        Assert.Equal(["pwd"], await PasswordOnlySignInAsync(user));

        // After the third day two-step sign-in applies again by itself.
        Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        using var late = fixture.CreateClient();
        var request = UserStories.WebRequest();
        var otp = await UserStories.PasswordToOtpPageAsync(late, request, user);
        var tokens = await UserStories.ExchangeCodeAsync(late, request, await otp.SubmitCodeAsync(device.TotpNow(Factory.Clock)));
        Assert.Equal(["pwd", "otp", "mfa"], tokens.Amr);
    }

    [Fact]
    public async Task SuspendIndefinitely_LastsUntilRestored()
    {
        var (user, _, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        var (adminClient, admin) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;

        var suspended = await (await AdminUserTwoStepPage.OpenAsync(client, user.Id)).SuspendAsync(null, "New phone on order").As<AdminUserTwoStepPage>();

        Assert.Contains("indefinitely", suspended.SuspensionText);
        Assert.True((await Factory.ReadUserAsync(user.Id)).TwoStepDisabledIndefinitely);
        Factory.Clock.Advance(TimeSpan.FromDays(400));
        Assert.Equal(["pwd"], await PasswordOnlySignInAsync(user));

        // The admin's session is long over after 400 days: sign in again to restore.
        var (secondClient, secondAdmin) = await UserStories.SignedInAdminAsync(fixture);
        using var again = secondClient;
        var restored = await (await AdminUserTwoStepPage.OpenAsync(again, user.Id)).RestoreAsync().As<AdminUserTwoStepPage>();

        Assert.Equal(user.Id, restored.UserId);
        Assert.Contains("applies again", restored.StatusMessage);
        Assert.True(restored.OffersSuspend);
        var stored = await Factory.ReadUserAsync(user.Id);
        Assert.False(stored.TwoStepDisabledIndefinitely);
        Assert.Null(stored.TwoStepDisabledUntil);
        Assert.Null(stored.TwoStepDisabledReason);
        Assert.Equal(secondAdmin.Id, Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.TwoStepRestored).ActorId);
        Assert.Equal(admin.Id, Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.TwoStepSuspended).ActorId);
        using var userClient = fixture.CreateClient();
        await UserStories.PasswordToOtpPageAsync(userClient, UserStories.WebRequest(), user);
    }

    [Fact]
    public async Task Suspended_RelyingPartyDemandingMfa_StillGetsTheOtpStep()
    {
        var (user, _, codes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        await (await AdminUserTwoStepPage.OpenAsync(client, user.Id)).SuspendAsync(null, "Lost device");

        using var userClient = fixture.CreateClient();
        var request = UserStories.WebRequest(new Dictionary<string, string> { ["acr_values"] = "mfa" });
        var otp = await UserStories.PasswordToOtpPageAsync(userClient, request, user);

        var recovery = await otp.UseRecoveryCodeAsync();
        var tokens = await UserStories.ExchangeCodeAsync(userClient, request, await recovery.SubmitCodeAsync(codes[0]));
        Assert.Equal(["pwd", "otp", "mfa"], tokens.Amr);
        Assert.Equal("mfa", tokens.Acr);

        // The gate itself held the line: no password-only session was issued on the way (the authorize
        // endpoint's step-up would hide that from the tokens).
        Assert.DoesNotContain(await Factory.SecurityEventsAsync(user.Id),
            row => row.Kind == SecurityEventKinds.SignInSucceeded && row.Detail?.Contains("suspended") == true);
    }

    [Theory]
    [InlineData("0", "Lost")]
    [InlineData("366", "Lost")]
    [InlineData("-1", "Lost")]
    [InlineData("abc", "Lost")]
    [InlineData("", "Lost")]
    [InlineData("99999999999999999999", "Lost")]
    [InlineData("3", "")]
    [InlineData("3", "    ")]
    public async Task Suspend_WithBadInput_ShowsAMessageAndChangesNothing(string days, string reason)
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;

        var answer = await (await AdminUserTwoStepPage.OpenAsync(client, user.Id)).SuspendAsync(days, reason).As<AdminUserTwoStepPage>();

        Assert.Equal(user.Id, answer.UserId);
        Assert.NotEmpty(answer.Alerts);
        var stored = await Factory.ReadUserAsync(user.Id);
        Assert.False(stored.TwoStepDisabledIndefinitely);
        Assert.Null(stored.TwoStepDisabledUntil);
        Assert.DoesNotContain(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.TwoStepSuspended);
    }

    [Fact]
    public async Task Suspend_WithFiveHundredCharactersOfGarbageEverywhere_AnswersWithAMessage()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var (adminClient, _) = await UserStories.SignedInAdminAsync(fixture);
        using var client = adminClient;
        var garbage = string.Concat(Enumerable.Range(0, 501).Select(i => (char)('!' + (i * 7 % 90))));

        var badDays = await (await AdminUserTwoStepPage.OpenAsync(client, user.Id)).SuspendAsync(garbage, "Lost");
        var longReason = await (await AdminUserTwoStepPage.OpenAsync(client, user.Id)).SuspendAsync("3", garbage);
        var badDuration = await (await AdminUserTwoStepPage.OpenAsync(client, user.Id)).SuspendAsTypedAsync(garbage, garbage, "Lost");

        foreach (var answer in new[] { badDays, longReason, badDuration })
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            var tab = answer.As<AdminUserTwoStepPage>();
            Assert.Equal(user.Id, tab.UserId);
            Assert.NotEmpty(tab.Alerts);
        }

        Assert.Contains("at most 500 characters", longReason.As<AdminUserTwoStepPage>().Alerts);
        Assert.Null((await Factory.ReadUserAsync(user.Id)).TwoStepDisabledReason);
    }

    /// <summary>Signs the user in at the web client with the password alone; the amr of the tokens.</summary>
    private async Task<string[]> PasswordOnlySignInAsync(TestUser user)
    {
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();
        var tokens = await UserStories.ExchangeCodeAsync(client, request, await UserStories.SignInWithPasswordAsync(client, request, user));
        Assert.Equal("pwd", tokens.Acr);
        return tokens.Amr;
    }
}
