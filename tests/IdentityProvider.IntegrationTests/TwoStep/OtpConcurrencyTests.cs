using IdentityProvider.Data.Entities;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;
using IdentityProvider.TwoStep;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

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
        var user = await UserStories.CreateUserAsync(factory);
        var device = await UserStories.EnrolTotpAsync(factory, user.Id);

        // Twenty browsers, each at the OTP page of its own half-finished sign-in of the same user.
        var clients = Enumerable.Range(0, Parallel).Select(_ => provider.CreateClient()).ToList();
        try
        {
            var requests = clients.Select(_ => UserStories.WebRequest()).ToList();
            var pages = new List<TwoStepPage>();
            for (var i = 0; i < Parallel; i++)
            {
                pages.Add(await UserStories.PasswordToOtpPageAsync(clients[i], requests[i], user));
            }

            var code = device.TotpNow(factory.Clock);
            var results = await Race.RunAsync(Parallel, i => pages[i].SubmitCodeAsync(code));

            AssertNoServerError(results);
            var winners = Enumerable.Range(0, Parallel)
                .Where(i => results[i].ExternalRedirect is not null && results[i].RedirectQuery.ContainsKey("code"))
                .ToList();
            Assert.True(winners.Count == 1, $"{winners.Count} of {Parallel} parallel submissions of one code succeeded.");

            // The losers stayed without a session: the OTP page with a message, or the password page once locked.
            foreach (var loser in Enumerable.Range(0, Parallel).Except(winners))
            {
                Assert.Null(results[loser].ExternalRedirect);
                Assert.True(results[loser].Uri.AbsolutePath is TwoStepPage.Path or LoginPage.Path, $"A losing submission ended on {results[loser].Uri}.");
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
        var user = await UserStories.CreateUserAsync(factory);
        var device = await UserStories.EnrolTotpAsync(factory, user.Id);

        var clients = Enumerable.Range(0, Parallel).Select(_ => provider.CreateClient()).ToList();
        try
        {
            var pages = new List<TwoStepPage>();
            foreach (var client in clients)
            {
                pages.Add(await UserStories.PasswordToOtpPageAsync(client, UserStories.WebRequest(), user));
            }

            // A guesser spreading wrong codes over parallel requests: each one is a failed attempt.
            var wrongCode = device.WrongTotp(factory.Clock);
            var results = await Race.RunAsync(Parallel, i => pages[i].SubmitCodeAsync(wrongCode));

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
            var rightPassword = await UserStories.SignInWithPasswordAsync(fresh, UserStories.WebRequest(), user).As<LoginPage>();
            Assert.Contains("locked", rightPassword.Alerts, StringComparison.OrdinalIgnoreCase);
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
        var user = await UserStories.CreateUserAsync(factory);
        var device = await UserStories.EnrolTotpAsync(factory, user.Id);

        for (var round = 0; round < 5; round++)
        {
            factory.Clock.Advance(UserStories.Step);
            var code = device.TotpNow(factory.Clock);
            var results = await Race.RunAsync(Parallel, _ => factory.WithServiceAsync<OtpVerification, OtpDevice?>(
                verification => verification.TryAcceptAsync(user.Id, code)));
            var accepted = results.Winners(result => result is not null);

            Assert.True(accepted == 1, $"Round {round}: {accepted} of {Parallel} parallel calls accepted one code.");
        }
    }

    [Fact]
    public async Task TryAcceptAsync_TwentyParallelCallsOfOneHotpCode_ExactlyOneAccepted()
    {
        var factory = provider.Factory;
        var user = await UserStories.CreateUserAsync(factory);
        var device = await UserStories.EnrolHotpAsync(factory, user.Id);

        for (var counter = 2L; counter < 5; counter++)
        {
            var code = device.HotpAt(counter);
            var results = await Race.RunAsync(Parallel, _ => factory.WithServiceAsync<OtpVerification, OtpDevice?>(
                verification => verification.TryAcceptAsync(user.Id, code)));
            var accepted = results.Winners(result => result is not null);

            Assert.True(accepted == 1, $"Counter {counter}: {accepted} of {Parallel} parallel calls accepted one code.");
        }
    }

    private static void AssertNoServerError(IReadOnlyList<ProviderPage> results)
    {
        var failures = results.Where(result => (int)result.Status >= 500).Select(result => $"{result.Uri.AbsolutePath} answered {(int)result.Status}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {results.Count} parallel submissions failed with a server error: {string.Join("; ", failures)}");
    }
}
