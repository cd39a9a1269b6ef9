using IdentityProvider.RecoveryCodes;
using IdentityProvider.Testing;
using Microsoft.Extensions.DependencyInjection;
using static IdentityProvider.IntegrationTests.RecoveryCodes.RecoveryCodeSteps;

namespace IdentityProvider.IntegrationTests.RecoveryCodes;

/// <summary>The same store on the embedded default database (SQLite): its transaction, row lock and conditional UPDATE.</summary>
public sealed class RecoveryCodeSqliteTests(SqliteProviderFixture fixture) : IClassFixture<SqliteProviderFixture>
{
    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task SignIn_WithRecoveryCodeOnSqlite_CompletesAndSpendsItOnce()
    {
        var (user, _, codes) = await UserWithCodesAsync(Factory);
        using var client = fixture.CreateClient();
        var request = SignInSteps.WebRequest();

        var tokens = await TokensAsync(client, request, await SubmitRecoveryCodeAsync(client, await RecoveryCodePageAsync(client, request, user), codes[0]));

        Assert.Equal(["pwd", "otp", "mfa"], Amr(tokens));
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            using var scope = Factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<RecoveryCodeStore>().TryRedeemAsync(user.Id, codes[1]);
        })));
        Assert.Equal(1, results.Count(result => result == RecoveryCodeResult.Accepted));
        Assert.Equal(2, (await RowsAsync(Factory, user.Id)).Count(row => row.SpentAt is not null));
    }

    [Fact]
    public async Task Generate_OnSqlite_ReplacesTheSet()
    {
        var (user, _, oldCodes) = await UserWithCodesAsync(Factory);

        var newCodes = await GenerateAsync(Factory, user.Id);

        using var scope = Factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<RecoveryCodeStore>();
        Assert.Equal(RecoveryCodeResult.Rejected, await store.TryRedeemAsync(user.Id, oldCodes[0]));
        Assert.Equal(RecoveryCodeResult.Accepted, await store.TryRedeemAsync(user.Id, newCodes[0]));
        Assert.Equal(new RecoveryCodeStatus(9, 10), await store.StatusAsync(user.Id));
    }
}
