using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.IntegrationTests.RecoveryCodes;
using IdentityProvider.Testing;
using static IdentityProvider.IntegrationTests.Admin.AdminSteps;
using static IdentityProvider.IntegrationTests.RecoveryCodes.RecoveryCodeSteps;

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
        var (user, device, _) = await UserWithCodesAsync(Factory);
        var (adminClient, admin) = await SignedInAdminAsync(fixture);
        using var client = adminClient;

        var after = await SuspendAsync(client, await TwoStepTabAsync(client, user.Id), "3", "  Phone lost on a trip  ");

        AssertOn(after, TwoStepPath(user.Id));
        Assert.Contains("suspended for 3 days", StatusText(after));
        Assert.Contains("Phone lost on a trip", after.Document.QuerySelector("#suspension")!.TextContent);
        var stored = await ReadUserAsync(Factory, user.Id);
        Assert.Equal("Phone lost on a trip", stored.TwoStepDisabledReason);
        Assert.False(stored.TwoStepDisabledIndefinitely);
        var logged = Assert.Single(await EventsAsync(Factory, user.Id), row => row.Kind == SecurityEventKinds.TwoStepSuspended);
        Assert.Equal(admin.Id, logged.ActorId);
        Assert.Contains("Phone lost on a trip", logged.Detail);

        Assert.Equal(["pwd"], await PasswordOnlySignInAsync(user));
        Factory.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(5));
        Assert.Equal(["pwd"], await PasswordOnlySignInAsync(user));

        // After the third day two-step sign-in applies again by itself.
        Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        using var late = fixture.CreateClient();
        var request = SignInSteps.WebRequest();
        var otp = await PasswordAsync(late, request, user);
        AssertOn(otp, OtpPath);
        var tokens = await TokensAsync(late, request, await SubmitOtpAsync(late, otp, device.CodeAt(Factory.Clock.GetUtcNow())));
        Assert.Equal(["pwd", "otp", "mfa"], Amr(tokens));
    }

    [Fact]
    public async Task SuspendIndefinitely_LastsUntilRestored()
    {
        var (user, _, _) = await UserWithCodesAsync(Factory);
        var (adminClient, admin) = await SignedInAdminAsync(fixture);
        using var client = adminClient;

        var suspended = await SuspendAsync(client, await TwoStepTabAsync(client, user.Id), null, "New phone on order");

        Assert.Contains("indefinitely", suspended.Document.QuerySelector("#suspension")!.TextContent);
        Assert.True((await ReadUserAsync(Factory, user.Id)).TwoStepDisabledIndefinitely);
        Factory.Clock.Advance(TimeSpan.FromDays(400));
        Assert.Equal(["pwd"], await PasswordOnlySignInAsync(user));

        // The admin's session is long over after 400 days: sign in again to restore.
        var (secondClient, secondAdmin) = await SignedInAdminAsync(fixture);
        using var again = secondClient;
        var restored = await again.SubmitAsync(await TwoStepTabAsync(again, user.Id), formSelector: "form#restore");

        AssertOn(restored, TwoStepPath(user.Id));
        Assert.Contains("applies again", StatusText(restored));
        Assert.NotNull(restored.Document.QuerySelector("form#suspend"));
        var stored = await ReadUserAsync(Factory, user.Id);
        Assert.False(stored.TwoStepDisabledIndefinitely);
        Assert.Null(stored.TwoStepDisabledUntil);
        Assert.Null(stored.TwoStepDisabledReason);
        Assert.Equal(secondAdmin.Id, Assert.Single(await EventsAsync(Factory, user.Id), row => row.Kind == SecurityEventKinds.TwoStepRestored).ActorId);
        Assert.Equal(admin.Id, Assert.Single(await EventsAsync(Factory, user.Id), row => row.Kind == SecurityEventKinds.TwoStepSuspended).ActorId);
        using var userClient = fixture.CreateClient();
        AssertOn(await PasswordAsync(userClient, SignInSteps.WebRequest(), user), OtpPath);
    }

    [Fact]
    public async Task Suspended_RelyingPartyDemandingMfa_StillGetsTheOtpStep()
    {
        var (user, _, codes) = await UserWithCodesAsync(Factory);
        var (adminClient, _) = await SignedInAdminAsync(fixture);
        using var client = adminClient;
        await SuspendAsync(client, await TwoStepTabAsync(client, user.Id), null, "Lost device");

        using var userClient = fixture.CreateClient();
        var request = SignInSteps.WebRequest(new Dictionary<string, string> { ["acr_values"] = "mfa" });
        var otp = await PasswordAsync(userClient, request, user);

        AssertOn(otp, OtpPath);
        var recovery = await FollowRecoveryLinkAsync(userClient, otp);
        var tokens = await TokensAsync(userClient, request, await SubmitRecoveryCodeAsync(userClient, recovery, codes[0]));
        Assert.Equal(["pwd", "otp", "mfa"], Amr(tokens));
        Assert.Equal("mfa", Acr(tokens));

        // The gate itself held the line: no password-only session was issued on the way (the authorize
        // endpoint's step-up would hide that from the tokens).
        Assert.DoesNotContain(await EventsAsync(Factory, user.Id),
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
        var user = await CreateUserAsync(Factory);
        var (adminClient, _) = await SignedInAdminAsync(fixture);
        using var client = adminClient;

        var answer = await SuspendAsync(client, await TwoStepTabAsync(client, user.Id), days, reason);

        AssertOn(answer, TwoStepPath(user.Id));
        Assert.NotEmpty(AlertText(answer));
        var stored = await ReadUserAsync(Factory, user.Id);
        Assert.False(stored.TwoStepDisabledIndefinitely);
        Assert.Null(stored.TwoStepDisabledUntil);
        Assert.DoesNotContain(await EventsAsync(Factory, user.Id), row => row.Kind == SecurityEventKinds.TwoStepSuspended);
    }

    [Fact]
    public async Task Suspend_WithFiveHundredCharactersOfGarbageEverywhere_AnswersWithAMessage()
    {
        var user = await CreateUserAsync(Factory);
        var (adminClient, _) = await SignedInAdminAsync(fixture);
        using var client = adminClient;
        var garbage = string.Concat(Enumerable.Range(0, 501).Select(i => (char)('!' + (i * 7 % 90))));

        var badDays = await SuspendAsync(client, await TwoStepTabAsync(client, user.Id), garbage, "Lost");
        var longReason = await SuspendAsync(client, await TwoStepTabAsync(client, user.Id), "3", garbage);
        var badDuration = await client.SubmitAsync(await TwoStepTabAsync(client, user.Id),
            new Dictionary<string, string> { ["Suspend.Duration"] = garbage, ["Suspend.Days"] = garbage, ["Suspend.Reason"] = "Lost" }, formSelector: "form#suspend");

        foreach (var answer in new[] { badDays, longReason, badDuration })
        {
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            AssertOn(answer, TwoStepPath(user.Id));
            Assert.NotEmpty(AlertText(answer));
        }

        Assert.Contains("at most 500 characters", AlertText(longReason));
        Assert.Null((await ReadUserAsync(Factory, user.Id)).TwoStepDisabledReason);
    }

    /// <summary>Signs the user in at the web client with the password alone; the amr of the tokens.</summary>
    private async Task<string[]> PasswordOnlySignInAsync(CodeUser user)
    {
        using var client = fixture.CreateClient();
        var request = SignInSteps.WebRequest();
        var tokens = await TokensAsync(client, request, await PasswordAsync(client, request, user));
        Assert.Equal("pwd", Acr(tokens));
        return Amr(tokens);
    }
}
