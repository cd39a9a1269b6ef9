using System.Net;
using IdentityProvider.Auditing;
using IdentityProvider.Data.Entities;
using IdentityProvider.Pages.Account;
using IdentityProvider.RecoveryCodes;
using IdentityProvider.Testing;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static IdentityProvider.IntegrationTests.RecoveryCodes.RecoveryCodeSteps;

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
        var (user, _, codes) = await UserWithCodesAsync(Factory);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
        {
            using var scope = Factory.Services.CreateScope();
            var store = scope.ServiceProvider.GetRequiredService<RecoveryCodeStore>();
            await start.Task;
            return await store.TryRedeemAsync(user.Id, codes[5]);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(result => result == RecoveryCodeResult.Accepted));
        Assert.Equal(Parallel - 1, results.Count(result => result == RecoveryCodeResult.Rejected));
        Assert.Single(await RowsAsync(Factory, user.Id), row => row.SpentAt is not null);
    }

    [Fact]
    public async Task Redeem_WhileANewSetIsGenerated_OldCodeNeverWorksAfterwards()
    {
        var (user, _, codes) = await UserWithCodesAsync(Factory);

        var redeem = Task.Run(async () =>
        {
            using var scope = Factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<RecoveryCodeStore>().TryRedeemAsync(user.Id, codes[1]);
        });
        var regenerate = Task.Run(() => GenerateAsync(Factory, user.Id));
        await Task.WhenAll(redeem, regenerate);

        // Whichever ran first, the old code is void now and the new set is complete and unspent.
        using var after = Factory.Services.CreateScope();
        Assert.Equal(RecoveryCodeResult.Rejected, await after.ServiceProvider.GetRequiredService<RecoveryCodeStore>().TryRedeemAsync(user.Id, codes[1]));
        var rows = await RowsAsync(Factory, user.Id);
        Assert.Equal(10, rows.Count);
        Assert.All(rows, row => Assert.Null(row.SpentAt));
    }

    [Fact]
    public async Task Generate_TwiceAtOnce_LeavesExactlyOneSetOfTen()
    {
        var user = await CreateUserAsync(Factory);

        var sets = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => GenerateAsync(Factory, user.Id))));

        var rows = await RowsAsync(Factory, user.Id);
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
        var (user, _, codes) = await UserWithCodesAsync(Factory);
        var sessions = await PendingSignInsAsync(user);
        try
        {
            var answers = await Task.WhenAll(sessions.Select(session => SubmitRecoveryCodeAsync(session.Client, session.Page, codes[7])));

            Assert.All(answers, answer => Assert.True(answer.Status == HttpStatusCode.OK || answer.ExternalRedirect is not null,
                $"{answer.Uri} ({(int)answer.Status}): {answer.Text.Trim()}"));
            var winners = answers.Select((answer, index) => (answer, index)).Where(pair => pair.answer.ExternalRedirect is not null).ToList();
            var winner = Assert.Single(winners);
            var tokens = await TokensAsync(sessions[winner.index].Client, sessions[winner.index].Request, winner.answer);
            Assert.Equal(["pwd", "otp", "mfa"], Amr(tokens));
            Assert.Single(await RowsAsync(Factory, user.Id), row => row.SpentAt is not null);
            var events = await EventsAsync(Factory, user.Id);
            Assert.Single(events, row => row.Kind == SecurityEventKinds.RecoveryCodeUsed);
            Assert.Equal(Parallel - 1, events.Count(row => row.Kind == SecurityEventKinds.RecoveryCodeFailed));
            Assert.All(answers.Where(answer => answer.ExternalRedirect is null), answer => Assert.Contains(RecoveryCodeModel.NotValid, AlertText(answer)));
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
        var (user, _, _) = await UserWithCodesAsync(Factory);
        using var first = Factory.Services.CreateScope();
        using var second = Factory.Services.CreateScope();
        var firstUser = (await first.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id))!;
        var secondUser = (await second.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id))!;

        // Both requests loaded the user before either counted its failure, as parallel submissions do.
        await first.ServiceProvider.GetRequiredService<TwoStepCompletion>().RecordFailureAsync(firstUser, SecurityEventKinds.RecoveryCodeFailed);
        await second.ServiceProvider.GetRequiredService<TwoStepCompletion>().RecordFailureAsync(secondUser, SecurityEventKinds.RecoveryCodeFailed);

        Assert.Equal(2, (await ReadUserAsync(Factory, user.Id)).AccessFailedCount);
    }

    /// <summary>Twenty browsers, each past the password and on the recovery-code page.</summary>
    private async Task<List<(ProviderClient Client, AuthorizationRequest Request, ProviderPage Page)>> PendingSignInsAsync(CodeUser user)
    {
        var sessions = new List<(ProviderClient Client, AuthorizationRequest Request, ProviderPage Page)>();
        for (var i = 0; i < Parallel; i++)
        {
            var client = fixture.CreateClient();
            var request = SignInSteps.WebRequest();
            sessions.Add((client, request, await RecoveryCodePageAsync(client, request, user)));
        }

        return sessions;
    }
}
