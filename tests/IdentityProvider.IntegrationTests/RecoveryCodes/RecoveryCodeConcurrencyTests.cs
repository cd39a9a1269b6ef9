using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityProvider.IntegrationTests.RecoveryCodes;

/// <summary>
/// A provider whose lockout allows more failures than the parallel tests produce, so the losers of a race do not
/// lock the account before the winner has exchanged its code (the lockout itself is tested elsewhere).
/// </summary>
public sealed class HighLockoutFixture : ProviderFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Lockout:MaxFailedAttempts"] = "100",
        ["TwoStep:MaxFailedAttempts"] = "100",
    };
}

/// <summary>One code submitted many times at once is accepted exactly once (the conditional UPDATE decides).</summary>
public sealed class RecoveryCodeConcurrencyTests(HighLockoutFixture fixture) : IClassFixture<HighLockoutFixture>
{
    private const int Parallel = 20;

    private ProviderFactory Factory => fixture.Factory;

    [Fact]
    public async Task Redeem_TwentyParallelScopes_ExactlyOneAccepted()
    {
        var (user, _, codes) = await UserStories.UserWithRecoveryCodesAsync(Factory);

        var results = await Race.RunAsync(Parallel, _ =>
            Factory.WithServiceAsync<RecoveryCodeStore, RecoveryCodeResult>(store => store.TryRedeemAsync(user.Id, codes[5])));

        Assert.Equal(1, results.Winners(result => result == RecoveryCodeResult.Accepted));
        Assert.Equal(Parallel - 1, results.Count(result => result == RecoveryCodeResult.Rejected));
        Assert.Single(await Factory.ReadRecoveryCodesAsync(user.Id), row => row.SpentAt is not null);
    }

    [Fact]
    public async Task Redeem_WhileANewSetIsGenerated_OldCodeNeverWorksAfterwards()
    {
        var (user, _, codes) = await UserStories.UserWithRecoveryCodesAsync(Factory);

        var redeem = Task.Run(() => Factory.WithServiceAsync<RecoveryCodeStore, RecoveryCodeResult>(store => store.TryRedeemAsync(user.Id, codes[1])));
        var regenerate = Task.Run(() => UserStories.GenerateRecoveryCodesAsync(Factory, user.Id));
        await Task.WhenAll(redeem, regenerate);

        // Whichever ran first, the old code is void now and the new set is complete and unspent.
        using var after = Factory.Services.CreateScope();
        Assert.Equal(RecoveryCodeResult.Rejected, await after.ServiceProvider.GetRequiredService<RecoveryCodeStore>().TryRedeemAsync(user.Id, codes[1]));
        var rows = await Factory.ReadRecoveryCodesAsync(user.Id);
        Assert.Equal(10, rows.Count);
        Assert.All(rows, row => Assert.Null(row.SpentAt));
    }

    [Fact]
    public async Task Generate_TwiceAtOnce_LeavesExactlyOneSetOfTen()
    {
        var user = await UserStories.CreateUserAsync(Factory);

        var sets = await Race.RunAsync(4, _ => UserStories.GenerateRecoveryCodesAsync(Factory, user.Id));

        var rows = await Factory.ReadRecoveryCodesAsync(user.Id);
        Assert.Equal(10, rows.Count);
        using var scope = Factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<RecoveryCodeStore>();
        var working = 0;
        foreach (var set in sets)
        {
            working += await store.TryRedeemAsync(user.Id, set[0]) == RecoveryCodeResult.Accepted ? 1 : 0;
        }

        Assert.Equal(1, working);
    }

    [Fact]
    public async Task SignIn_TwentyPendingSignInsSubmitOneCodeAtOnce_ExactlyOneSignsIn()
    {
        var (user, _, codes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        var sessions = await PendingSignInsAsync(user);
        try
        {
            var answers = await Race.RunAsync(Parallel, index => sessions[index].Page.SubmitCodeAsync(codes[7]));

            Assert.All(answers, answer => Assert.True(answer.Status == HttpStatusCode.OK || answer.ExternalRedirect is not null,
                $"{answer.Uri} ({(int)answer.Status}): {answer.Text.Trim()}"));
            var winners = answers.Select((answer, index) => (answer, index)).Where(pair => pair.answer.ExternalRedirect is not null).ToList();
            var winner = Assert.Single(winners);
            var tokens = await UserStories.ExchangeCodeAsync(sessions[winner.index].Client, sessions[winner.index].Request, winner.answer);
            Assert.Equal(["pwd", "otp", "mfa"], tokens.Amr);
            Assert.Single(await Factory.ReadRecoveryCodesAsync(user.Id), row => row.SpentAt is not null);
            var events = await Factory.SecurityEventsAsync(user.Id);
            Assert.Single(events, row => row.Kind == SecurityEventKinds.RecoveryCodeUsed);
            Assert.Equal(Parallel - 1, events.Count(row => row.Kind == SecurityEventKinds.RecoveryCodeFailed));
            Assert.All(answers.Where(answer => answer.ExternalRedirect is null),
                answer => Assert.Contains(RecoveryCodePage.NotValid, answer.As<RecoveryCodePage>().Alerts));
        }
        finally
        {
            sessions.ForEach(session => session.Client.Dispose());
        }
    }

    /// <summary>Failures of one user counted at the same moment (as by the losers above) all count, and none throws.</summary>
    [Fact]
    public async Task RecordFailure_TwoRequestsHoldingTheSameUser_BothCount()
    {
        var (user, _, _) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        using var first = Factory.Services.CreateScope();
        using var second = Factory.Services.CreateScope();
        var firstUser = (await first.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id))!;
        var secondUser = (await second.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id))!;

        // Both requests loaded the user before either counted its failure, as parallel submissions do.
        await first.ServiceProvider.GetRequiredService<TwoStepCompletion>().RecordFailureAsync(firstUser, SecurityEventKinds.RecoveryCodeFailed);
        await second.ServiceProvider.GetRequiredService<TwoStepCompletion>().RecordFailureAsync(secondUser, SecurityEventKinds.RecoveryCodeFailed);

        Assert.Equal(2, (await Factory.ReadUserAsync(user.Id)).AccessFailedCount);
    }

    /// <summary>Twenty browsers, each past the password and on the recovery-code page.</summary>
    private async Task<List<(ProviderClient Client, AuthorizationRequest Request, RecoveryCodePage Page)>> PendingSignInsAsync(TestUser user)
    {
        var sessions = new List<(ProviderClient Client, AuthorizationRequest Request, RecoveryCodePage Page)>();
        for (var i = 0; i < Parallel; i++)
        {
            var client = fixture.CreateClient();
            var request = UserStories.WebRequest();
            var otp = await UserStories.PasswordToOtpPageAsync(client, request, user);
            sessions.Add((client, request, await otp.UseRecoveryCodeAsync()));
        }

        return sessions;
    }
}
