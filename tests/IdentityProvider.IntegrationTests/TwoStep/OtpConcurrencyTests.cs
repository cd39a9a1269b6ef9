using IdentityProvider.Data.Entities;
using IdentityProvider.Testing;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static IdentityProvider.IntegrationTests.TwoStep.TwoStepSteps;

namespace IdentityProvider.IntegrationTests.TwoStep;

/// <summary>A provider of its own: the parallel losers lock their user out.</summary>
public sealed class OtpConcurrencyFixture : ProviderFixture;

/// <summary>One valid code submitted many times at once is accepted exactly once (the conditional UPDATE decides).</summary>
public class OtpConcurrencyTests(OtpConcurrencyFixture provider) : IClassFixture<OtpConcurrencyFixture>
{
    private const int Parallel = 20;

    [Fact]
    public async Task OtpPage_TwentyParallelPostsOfOneCode_ExactlyOneSignInSucceeds()
    {
        var factory = provider.Factory;
        var user = await CreateUserAsync(factory);
        var device = await EnrolTotpAsync(factory, user.Id);

        // Twenty browsers, each at the OTP page of its own half-finished sign-in of the same user.
        var clients = Enumerable.Range(0, Parallel).Select(_ => provider.CreateClient()).ToList();
        try
        {
            var requests = clients.Select(_ => SignInSteps.WebRequest()).ToList();
            var pages = new List<ProviderPage>();
            for (var i = 0; i < Parallel; i++)
            {
                var page = await PasswordAsync(clients[i], requests[i], user);
                AssertOtpPage(page);
                pages.Add(page);
            }

            var code = device.TotpNow(factory.Clock);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var submissions = Enumerable.Range(0, Parallel).Select(i => Task.Run(async () =>
            {
                await start.Task;
                return await SubmitCodeAsync(clients[i], pages[i], code);
            })).ToList();
            start.SetResult();
            var results = await Task.WhenAll(submissions);

            AssertNoServerError(results);
            var winners = Enumerable.Range(0, Parallel)
                .Where(i => results[i].ExternalRedirect is not null && results[i].RedirectQuery.ContainsKey("code"))
                .ToList();
            Assert.True(winners.Count == 1, $"{winners.Count} of {Parallel} parallel submissions of one code succeeded.");

            // The losers stayed without a session: the OTP page with a message, or the password page once locked.
            foreach (var loser in Enumerable.Range(0, Parallel).Except(winners))
            {
                Assert.Null(results[loser].ExternalRedirect);
                Assert.True(results[loser].Uri.AbsolutePath is OtpPath or LoginPath, $"A losing submission ended on {results[loser].Uri}.");
            }

            // Every losing submission is a failed code and counts toward the lockout (an attacker replaying a
            // seen code gets no free attempts), so the 19 losers lock the account and, failing closed, even
            // the winner's code can no longer be exchanged.
            var winner = winners[0];
            var exchange = await TokenResponse.ExchangeCodeAsync(clients[winner].Http, requests[winner], results[winner].Code, TestData.WebSecret);
            Assert.Equal("invalid_grant", exchange.Error);
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    [Fact]
    public async Task OtpPage_TwentyParallelWrongCodes_Never500_FailuresCountTowardLockout()
    {
        var factory = provider.Factory;
        var user = await CreateUserAsync(factory);
        var device = await EnrolTotpAsync(factory, user.Id);

        var clients = Enumerable.Range(0, Parallel).Select(_ => provider.CreateClient()).ToList();
        try
        {
            var pages = new List<ProviderPage>();
            foreach (var client in clients)
            {
                var page = await PasswordAsync(client, SignInSteps.WebRequest(), user);
                AssertOtpPage(page);
                pages.Add(page);
            }

            // A guesser spreading wrong codes over parallel requests: each one is a failed attempt.
            var wrongCode = device.WrongTotp(factory.Clock);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var submissions = Enumerable.Range(0, Parallel).Select(i => Task.Run(async () =>
            {
                await start.Task;
                return await SubmitCodeAsync(clients[i], pages[i], wrongCode);
            })).ToList();
            start.SetResult();
            var results = await Task.WhenAll(submissions);

            AssertNoServerError(results);
            Assert.True(results.All(result => result.ExternalRedirect is null), "A wrong code reached the relying party.");

            // Twenty failures are far more than five: the account is locked, so even the right password is refused.
            using (var scope = factory.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
                var account = await users.FindByIdAsync(user.Id);
                Assert.True(await users.IsLockedOutAsync(account!),
                    $"Not locked after {Parallel} parallel wrong codes (failure count {await users.GetAccessFailedCountAsync(account!)}).");
            }

            using var fresh = provider.CreateClient();
            var rightPassword = await PasswordAsync(fresh, SignInSteps.WebRequest(), user);
            AssertPasswordPage(rightPassword);
            Assert.Contains("locked", AlertText(rightPassword), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    [Fact]
    public async Task TryAcceptAsync_TwentyParallelCallsOfOneCode_ExactlyOneAccepted_EachRound()
    {
        var factory = provider.Factory;
        var user = await CreateUserAsync(factory);
        var device = await EnrolTotpAsync(factory, user.Id);

        for (var round = 0; round < 5; round++)
        {
            factory.Clock.Advance(Step);
            var code = device.TotpNow(factory.Clock);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
            {
                using var scope = factory.Services.CreateScope();
                var verification = scope.ServiceProvider.GetRequiredService<OtpVerification>();
                await start.Task;
                return await verification.TryAcceptAsync(user.Id, code);
            })).ToList();
            start.SetResult();
            var accepted = (await Task.WhenAll(attempts)).Count(result => result is not null);

            Assert.True(accepted == 1, $"Round {round}: {accepted} of {Parallel} parallel calls accepted one code.");
        }
    }

    [Fact]
    public async Task TryAcceptAsync_TwentyParallelCallsOfOneHotpCode_ExactlyOneAccepted()
    {
        var factory = provider.Factory;
        var user = await CreateUserAsync(factory);
        var device = await EnrolHotpAsync(factory, user.Id);

        for (var counter = 2L; counter < 5; counter++)
        {
            var code = device.HotpAt(counter);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
            {
                using var scope = factory.Services.CreateScope();
                var verification = scope.ServiceProvider.GetRequiredService<OtpVerification>();
                await start.Task;
                return await verification.TryAcceptAsync(user.Id, code);
            })).ToList();
            start.SetResult();
            var accepted = (await Task.WhenAll(attempts)).Count(result => result is not null);

            Assert.True(accepted == 1, $"Counter {counter}: {accepted} of {Parallel} parallel calls accepted one code.");
        }
    }

    private static void AssertNoServerError(IReadOnlyList<ProviderPage> results)
    {
        var failures = results.Where(result => (int)result.Status >= 500).Select(result => $"{result.Uri.AbsolutePath} answered {(int)result.Status}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {results.Count} parallel submissions failed with a server error: {string.Join("; ", failures)}");
    }
}
