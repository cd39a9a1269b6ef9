using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Pages.Account;
using IdentityProvider.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static IdentityProvider.IntegrationTests.RecoveryCodes.RecoveryCodeSteps;

namespace IdentityProvider.IntegrationTests.RecoveryCodes;

/// <summary>The OTP step with a recovery code: success, spent and voided codes, bad input and the shared lockout.</summary>
public sealed class RecoveryCodeSignInTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task SignIn_WithRecoveryCodeTypedLoosely_CompletesWithPwdOtpMfaAndSpendsIt()
    {
        var (user, _, codes) = await UserWithCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var request = SignInSteps.WebRequest();
        var page = await RecoveryCodePageAsync(client, request, user);

        // Upper case, spaces instead of dashes, surrounding blanks: all ignored.
        var typed = "  " + codes[3].ToUpperInvariant().Replace('-', ' ') + " ";
        var tokens = await TokensAsync(client, request, await SubmitRecoveryCodeAsync(client, page, typed));

        Assert.Equal(["pwd", "otp", "mfa"], Amr(tokens));
        Assert.Equal("mfa", Acr(tokens));
        var rows = await RowsAsync(Factory, user.Id);
        Assert.Single(rows, row => row.SpentAt is not null);
        Assert.Equal(9, rows.Count(row => row.SpentAt is null));
        var used = Assert.Single(await EventsAsync(Factory, user.Id), row => row.Kind == SecurityEventKinds.RecoveryCodeUsed);
        Assert.Contains("9", used.Detail);
    }

    [Fact]
    public async Task SignIn_WithSpentCode_IsRefusedWithTheOneMessage()
    {
        var (user, _, codes) = await UserWithCodesAsync(Factory);
        using (var first = fixture.CreateClient())
        {
            var request = SignInSteps.WebRequest();
            await TokensAsync(first, request, await SubmitRecoveryCodeAsync(first, await RecoveryCodePageAsync(first, request, user), codes[0]));
        }

        using var second = fixture.CreateClient();
        var page = await RecoveryCodePageAsync(second, SignInSteps.WebRequest(), user);
        var refused = await SubmitRecoveryCodeAsync(second, page, codes[0]);

        AssertOn(refused, RecoveryCodePath);
        Assert.Contains(RecoveryCodeModel.NotValid, AlertText(refused));
        Assert.Contains(await EventsAsync(Factory, user.Id), row => row.Kind == SecurityEventKinds.RecoveryCodeFailed);
    }

    [Fact]
    public async Task SignIn_WithCodeOfOldSet_IsRefusedWithTheSameMessageAsAnUnknownCode()
    {
        var (user, _, oldCodes) = await UserWithCodesAsync(Factory);
        var newCodes = await GenerateAsync(Factory, user.Id);
        using var client = fixture.CreateClient();
        var request = SignInSteps.WebRequest();
        var page = await RecoveryCodePageAsync(client, request, user);

        var voided = await SubmitRecoveryCodeAsync(client, page, oldCodes[0]);
        var unknown = await SubmitRecoveryCodeAsync(client, voided, "0000-0000-0000-0000");

        Assert.Equal(AlertText(voided), AlertText(unknown));
        Assert.Contains(RecoveryCodeModel.NotValid, AlertText(voided));
        Assert.Equal(10, (await RowsAsync(Factory, user.Id)).Count);
        var tokens = await TokensAsync(client, request, await SubmitRecoveryCodeAsync(client, unknown, newCodes[0]));
        Assert.Equal(["pwd", "otp", "mfa"], Amr(tokens));
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
        var (user, _, _) = await UserWithCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var page = await RecoveryCodePageAsync(client, SignInSteps.WebRequest(), user);

        var answer = await SubmitRecoveryCodeAsync(client, page, input);

        AssertOn(answer, RecoveryCodePath);
        Assert.NotEmpty(AlertText(answer));
        Assert.DoesNotContain(RecoveryCodeModel.NotValid, AlertText(answer));
        Assert.Equal(0, (await ReadUserAsync(Factory, user.Id)).AccessFailedCount);
        Assert.All(await RowsAsync(Factory, user.Id), row => Assert.Null(row.SpentAt));
    }

    [Fact]
    public async Task SignIn_WithFiveHundredCharactersOfGarbage_ShowsMessageNot500()
    {
        var (user, _, _) = await UserWithCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var page = await RecoveryCodePageAsync(client, SignInSteps.WebRequest(), user);
        var garbage = string.Concat(Enumerable.Range(0, 500).Select(i => (char)('!' + (i * 7 % 90))));

        var answer = await SubmitRecoveryCodeAsync(client, page, garbage);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        AssertOn(answer, RecoveryCodePath);
        Assert.Contains("16 letters and digits", AlertText(answer));
    }

    [Fact]
    public async Task Failures_MixedOtpAndRecoveryCodes_ShareOneLockoutThatEndsThePendingSignIn()
    {
        var (user, device, codes) = await UserWithCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var request = SignInSteps.WebRequest();
        var otp = await PasswordAsync(client, request, user);
        var wrongOtp = Enumerable.Range(0, 10).Select(digit => new string((char)('0' + digit), 6))
            .First(code => Enumerable.Range(-3, 7).All(offset => device.CodeAt(Factory.Clock.GetUtcNow().AddSeconds(offset * 30)) != code));

        // Four failures alternating between the two pages: not locked yet.
        otp = await SubmitOtpAsync(client, otp, wrongOtp);
        var recovery = await FollowRecoveryLinkAsync(client, otp);
        recovery = await SubmitRecoveryCodeAsync(client, recovery, "zzzz-zzzz-zzzz-zzzz");
        otp = await FollowLinkAsync(client, recovery, "Back to the one-time password");
        AssertOn(otp, OtpPath);
        otp = await SubmitOtpAsync(client, otp, wrongOtp);
        recovery = await FollowRecoveryLinkAsync(client, otp);
        recovery = await SubmitRecoveryCodeAsync(client, recovery, "yyyy-yyyy-yyyy-yyyy");
        AssertOn(recovery, RecoveryCodePath);
        Assert.Equal(4, (await ReadUserAsync(Factory, user.Id)).AccessFailedCount);

        // The fifth (a recovery code) locks the account and sends the user back to the password.
        var locked = await SubmitRecoveryCodeAsync(client, recovery, "xxxx-xxxx-xxxx-xxxx");

        AssertOn(locked, LoginPath);
        Assert.Contains("locked", locked.Text, StringComparison.OrdinalIgnoreCase);
        using (var scope = Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id))!));
        }

        // A correct code no longer helps: the pending sign-in is over.
        var afterLock = await client.GetAsync(RecoveryCodePath);
        AssertOn(afterLock, LoginPath);
        var events = await EventsAsync(Factory, user.Id);
        Assert.Equal(2, events.Count(row => row.Kind == SecurityEventKinds.OtpFailed));
        Assert.Equal(3, events.Count(row => row.Kind == SecurityEventKinds.RecoveryCodeFailed));
        Assert.Contains(events, row => row.Kind == SecurityEventKinds.LockedOut);
        Assert.All(await RowsAsync(Factory, user.Id), row => Assert.Null(row.SpentAt));
        Assert.DoesNotContain(codes[0], string.Join(" ", Factory.Logs.Lines));
    }

    [Fact]
    public async Task SignIn_WithRecoveryCodeAfterFailures_ResetsTheFailureCount()
    {
        var (user, _, codes) = await UserWithCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var request = SignInSteps.WebRequest();
        var page = await RecoveryCodePageAsync(client, request, user);
        page = await SubmitRecoveryCodeAsync(client, page, "zzzz-zzzz-zzzz-zzzz");
        page = await SubmitRecoveryCodeAsync(client, page, "yyyy-yyyy-yyyy-yyyy");
        Assert.Equal(2, (await ReadUserAsync(Factory, user.Id)).AccessFailedCount);

        await TokensAsync(client, request, await SubmitRecoveryCodeAsync(client, page, codes[9]));

        Assert.Equal(0, (await ReadUserAsync(Factory, user.Id)).AccessFailedCount);
    }

    [Fact]
    public async Task RecoveryCodePage_WithoutPendingSignIn_SendsToThePasswordPage()
    {
        using var client = fixture.CreateClient();

        var page = await client.GetAsync(RecoveryCodePath);

        AssertOn(page, LoginPath);
    }

    [Fact]
    public async Task RecoveryCodePage_WhenThePendingSignInExpired_SendsToThePasswordPage()
    {
        var (user, _, codes) = await UserWithCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var page = await RecoveryCodePageAsync(client, SignInSteps.WebRequest(), user);
        Factory.Clock.Advance(TimeSpan.FromMinutes(6));

        var answer = await SubmitRecoveryCodeAsync(client, page, codes[0]);

        AssertOn(answer, LoginPath);
        Assert.All(await RowsAsync(Factory, user.Id), row => Assert.Null(row.SpentAt));
    }
}
