using IdentityProvider.RecoveryCodes;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityProvider.IntegrationTests.RecoveryCodes;

/// <summary>The same store on the embedded default database (SQLite): its transaction, row lock and conditional UPDATE.</summary>
public sealed class RecoveryCodeSqliteTests(SqliteProviderFixture fixture) : IClassFixture<SqliteProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task SignIn_WithRecoveryCodeOnSqlite_CompletesAndSpendsItOnce()
    {
        var (user, _, codes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var request = UserStories.WebRequest();
        var page = await (await UserStories.PasswordToOtpPageAsync(client, request, user)).UseRecoveryCodeAsync();

        var tokens = await UserStories.ExchangeCodeAsync(client, request, await page.SubmitCodeAsync(codes[0]));

        Assert.Equal(["pwd", "otp", "mfa"], tokens.Amr);
        var results = await Race.RunAsync(10, _ =>
            Factory.WithServiceAsync<RecoveryCodeStore, RecoveryCodeResult>(store => store.TryRedeemAsync(user.Id, codes[1])));
        Assert.Equal(1, results.Winners(result => result == RecoveryCodeResult.Accepted));
        Assert.Equal(2, (await Factory.ReadRecoveryCodesAsync(user.Id)).Count(row => row.SpentAt is not null));
    }

    [Fact]
    public async Task Generate_OnSqlite_ReplacesTheSet()
    {
        var (user, _, oldCodes) = await UserStories.UserWithRecoveryCodesAsync(Factory);

        var newCodes = await UserStories.GenerateRecoveryCodesAsync(Factory, user.Id);

        using var scope = Factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<RecoveryCodeStore>();
        Assert.Equal(RecoveryCodeResult.Rejected, await store.TryRedeemAsync(user.Id, oldCodes[0]));
        Assert.Equal(RecoveryCodeResult.Accepted, await store.TryRedeemAsync(user.Id, newCodes[0]));
        Assert.Equal(new RecoveryCodeStatus(9, 10), await store.StatusAsync(user.Id));
    }
}
