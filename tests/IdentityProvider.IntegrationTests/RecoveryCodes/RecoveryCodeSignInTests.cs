using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityProvider.IntegrationTests.RecoveryCodes;

/// <summary>The OTP step with a recovery code: success, spent and voided codes, bad input and the shared lockout.</summary>
public sealed class RecoveryCodeSignInTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task SignIn_WithRecoveryCodeTypedLoosely_CompletesWithPwdOtpMfaAndSpendsIt()
    {
        var (user, _, codes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();
        var page = await RecoveryCodePageAsync(client, request, user);

        // Upper case, spaces instead of dashes, surrounding blanks: all ignored.
        var typed = "  " + codes[3].ToUpperInvariant().Replace('-', ' ') + " ";
        var tokens = await UserStories.ExchangeCodeAsync(client, request, await page.SubmitCodeAsync(typed));

        Assert.Equal(["pwd", "otp", "mfa"], tokens.Amr);
        Assert.Equal("mfa", tokens.Acr);
        var rows = await Factory.ReadRecoveryCodesAsync(user.Id);
        Assert.Single(rows, row => row.SpentAt is not null);
        Assert.Equal(9, rows.Count(row => row.SpentAt is null));
        var used = Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.RecoveryCodeUsed);
        Assert.Contains("9", used.Detail);
    }

    [Fact]
    public async Task SignIn_WithSpentCode_IsRefusedWithTheOneMessage()
    {
        var (user, _, codes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using (var first = fixture.CreateClient())
        {
            var request = UserStories.WebRequest();
            await UserStories.ExchangeCodeAsync(first, request, await (await RecoveryCodePageAsync(first, request, user)).SubmitCodeAsync(codes[0]));
        }

        using var second = fixture.CreateClient();
        var page = await RecoveryCodePageAsync(second, UserStories.WebRequest(), user);
        var refused = await page.SubmitCodeAsync(codes[0]).As<RecoveryCodePage>();

        Assert.Contains(RecoveryCodePage.NotValid, refused.Alerts);
        Assert.Contains(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.RecoveryCodeFailed);
    }

    [Fact]
    public async Task SignIn_WithCodeOfOldSet_IsRefusedWithTheSameMessageAsAnUnknownCode()
    {
        var (user, _, oldCodes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        var newCodes = await UserStories.GenerateRecoveryCodesAsync(Factory, user.Id);
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();
        var page = await RecoveryCodePageAsync(client, request, user);

        var voided = await page.SubmitCodeAsync(oldCodes[0]).As<RecoveryCodePage>();
        var unknown = await voided.SubmitCodeAsync("0000-0000-0000-0000").As<RecoveryCodePage>();

        Assert.Equal(voided.Alerts, unknown.Alerts);
        Assert.Contains(RecoveryCodePage.NotValid, voided.Alerts);
        Assert.Equal(10, (await Factory.ReadRecoveryCodesAsync(user.Id)).Count);
        var tokens = await UserStories.ExchangeCodeAsync(client, request, await unknown.SubmitCodeAsync(newCodes[0]));
        Assert.Equal(["pwd", "otp", "mfa"], tokens.Amr);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("7kq2-m0xd")]
    [InlineData("!!!!-????-####-$$$$")]
    [InlineData("ünïcødé-çødé-ñøt-åscii")]
    [InlineData("1234-5678-9abc-defg-h")]
    public async Task SignIn_WithEmptyOrMalformedInput_ShowsMessageAndCountsNothing(string input)
    {
        var (user, _, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var page = await RecoveryCodePageAsync(client, UserStories.WebRequest(), user);

        var answer = await page.SubmitCodeAsync(input).As<RecoveryCodePage>();

        Assert.NotEmpty(answer.Alerts);
        Assert.DoesNotContain(RecoveryCodePage.NotValid, answer.Alerts);
        Assert.Equal(0, (await Factory.ReadUserAsync(user.Id)).AccessFailedCount);
        Assert.All(await Factory.ReadRecoveryCodesAsync(user.Id), row => Assert.Null(row.SpentAt));
    }

    [Fact]
    public async Task SignIn_WithFiveHundredCharactersOfGarbage_ShowsMessageNot500()
    {
        var (user, _, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var page = await RecoveryCodePageAsync(client, UserStories.WebRequest(), user);
        var garbage = string.Concat(Enumerable.Range(0, 500).Select(i => (char)('!' + (i * 7 % 90))));

        var answer = await page.SubmitCodeAsync(garbage);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("16 letters and digits", answer.As<RecoveryCodePage>().Alerts);
    }

    [Fact]
    public async Task Failures_MixedOtpAndRecoveryCodes_ShareOneLockoutThatEndsThePendingSignIn()
    {
        var (user, device, codes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();
        var otp = await UserStories.PasswordToOtpPageAsync(client, request, user);
        var wrongOtp = device.WrongTotp(Factory.Clock);

        // Four failures alternating between the two pages: not locked yet.
        otp = await otp.SubmitCodeAsync(wrongOtp).As<TwoStepPage>();
        var recovery = await otp.UseRecoveryCodeAsync();
        recovery = await recovery.SubmitCodeAsync("zzzz-zzzz-zzzz-zzzz").As<RecoveryCodePage>();
        otp = await recovery.BackToOneTimePasswordAsync();
        otp = await otp.SubmitCodeAsync(wrongOtp).As<TwoStepPage>();
        recovery = await otp.UseRecoveryCodeAsync();
        recovery = await recovery.SubmitCodeAsync("yyyy-yyyy-yyyy-yyyy").As<RecoveryCodePage>();
        Assert.Equal(4, (await Factory.ReadUserAsync(user.Id)).AccessFailedCount);

        // The fifth (a recovery code) locks the account and sends the user back to the password.
        var locked = await recovery.SubmitCodeAsync("xxxx-xxxx-xxxx-xxxx").As<LoginPage>();

        Assert.Contains("locked", locked.Text, StringComparison.OrdinalIgnoreCase);
        using (var scope = Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id))!));
        }

        // A correct code no longer helps: the pending sign-in is over.
        await RecoveryCodePage.OpenAsync(client).As<LoginPage>();
        var events = await Factory.SecurityEventsAsync(user.Id);
        Assert.Equal(2, events.Count(row => row.Kind == SecurityEventKinds.OtpFailed));
        Assert.Equal(3, events.Count(row => row.Kind == SecurityEventKinds.RecoveryCodeFailed));
        Assert.Contains(events, row => row.Kind == SecurityEventKinds.LockedOut);
        Assert.All(await Factory.ReadRecoveryCodesAsync(user.Id), row => Assert.Null(row.SpentAt));
        Assert.DoesNotContain(codes[0], string.Join(" ", Factory.Logs.Lines));
    }

    [Fact]
    public async Task SignIn_WithRecoveryCodeAfterFailures_ResetsTheFailureCount()
    {
        var (user, _, codes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();
        var page = await RecoveryCodePageAsync(client, request, user);
        page = await page.SubmitCodeAsync("zzzz-zzzz-zzzz-zzzz").As<RecoveryCodePage>();
        page = await page.SubmitCodeAsync("yyyy-yyyy-yyyy-yyyy").As<RecoveryCodePage>();
        Assert.Equal(2, (await Factory.ReadUserAsync(user.Id)).AccessFailedCount);

        await UserStories.ExchangeCodeAsync(client, request, await page.SubmitCodeAsync(codes[9]));

        Assert.Equal(0, (await Factory.ReadUserAsync(user.Id)).AccessFailedCount);
    }

    [Fact]
    public async Task RecoveryCodePage_WithoutPendingSignIn_SendsToThePasswordPage()
    {
        using var client = fixture.CreateClient();

        var page = await RecoveryCodePage.OpenAsync(client);

        page.As<LoginPage>();
    }

    [Fact]
    public async Task RecoveryCodePage_WhenThePendingSignInExpired_SendsToThePasswordPage()
    {
        var (user, _, codes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var page = await RecoveryCodePageAsync(client, UserStories.WebRequest(), user);
        Factory.Clock.Advance(TimeSpan.FromMinutes(6));

        var answer = await page.SubmitCodeAsync(codes[0]);

        answer.As<LoginPage>();
        Assert.All(await Factory.ReadRecoveryCodesAsync(user.Id), row => Assert.Null(row.SpentAt));
    }

    /// <summary>Password, then the OTP page's "Use a recovery code" link: the recovery-code page of a pending sign-in.</summary>
    private static async Task<RecoveryCodePage> RecoveryCodePageAsync(ProviderClient client, AuthorizationRequest request, TestUser user) =>
        await (await UserStories.PasswordToOtpPageAsync(client, request, user)).UseRecoveryCodeAsync();
}
