using IdentityProvider.Auditing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.IntegrationTests.Impersonation;

/// <summary>
/// In a session an administrator opened as a user, the account pages show but change nothing of the user's until the
/// administrator enters a one-time password of their own.
/// </summary>
public class ChangesAsUserTests(ImpersonationFixture provider) : IClassFixture<ImpersonationFixture>
{
    private const string NewPassword = "A-new-password-2026!";

    [Fact]
    public async Task PasswordChange_IsRefusedWithAMessage_UntilTheAdministratorsOwnCode()
    {
        using var acting = await ImpersonationStories.AdministratorSignsInAsUserAsync(provider);
        var before = (await provider.Factory.ReadUserAsync(acting.User.Id)).PasswordHash;

        var form = await ChangePasswordPage.OpenAsync(acting.Client);
        var refused = (await form.ChangeAsync(acting.User.Password, NewPassword)).As<ConfirmChangePage>();

        Assert.Contains("Nothing was changed", refused.NotChanged, StringComparison.Ordinal);
        Assert.Contains(acting.User.Email, refused.NotChanged, StringComparison.Ordinal);
        Assert.Equal(before, (await provider.Factory.ReadUserAsync(acting.User.Id)).PasswordHash);

        // The user's own code is not the administrator's: refused, and nothing changes.
        provider.Factory.Clock.Advance(UserStories.Step);
        var wrong = (await refused.ConfirmAsync(acting.AdminDevice.WrongTotp(provider.Factory.Clock))).As<ConfirmChangePage>();
        Assert.Contains("not correct", wrong.Alerts, StringComparison.Ordinal);

        var again = (await wrong.ConfirmAsync(acting.AdminDevice.TotpNow(provider.Factory.Clock))).As<ChangePasswordPage>();
        (await again.ChangeAsync(acting.User.Password, NewPassword)).As<ManagePage>();
        Assert.NotEqual(before, (await provider.Factory.ReadUserAsync(acting.User.Id)).PasswordHash);
        Assert.Contains(await provider.Factory.SecurityEventsAsync(acting.Admin.Id),
            row => row.Kind == SecurityEventKinds.AdminCodeConfirmed && row.Detail!.Contains(acting.User.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenCreation_IsRefused_AndNoTokenExists()
    {
        using var acting = await ImpersonationStories.AdministratorSignsInAsUserAsync(provider);

        var form = await CreateTokenPage.OpenAsync(acting.Client);
        (await form.TrySubmitAsync(TokenForm.Valid("script"))).As<ConfirmChangePage>();

        Assert.Empty(await provider.Factory.QueryAsync(db => db.PersonalAccessTokens.Where(row => row.UserId == acting.User.Id).ToListAsync()));
    }

    [Fact]
    public async Task AllowedChanges_EndFiveMinutesAfterTheCode()
    {
        using var acting = await ImpersonationStories.AdministratorSignsInAsUserAsync(provider);
        var refused = (await (await ChangePasswordPage.OpenAsync(acting.Client)).ChangeAsync(acting.User.Password, NewPassword)).As<ConfirmChangePage>();
        provider.Factory.Clock.Advance(UserStories.Step);
        var form = (await refused.ConfirmAsync(acting.AdminDevice.TotpNow(provider.Factory.Clock))).As<ChangePasswordPage>();

        provider.Factory.Clock.Advance(TimeSpan.FromMinutes(6));

        (await form.ChangeAsync(acting.User.Password, NewPassword)).As<ConfirmChangePage>();
    }
}
