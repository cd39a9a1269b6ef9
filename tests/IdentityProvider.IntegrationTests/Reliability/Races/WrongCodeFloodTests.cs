using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Reliability.Races;

/// <summary>
/// A guesser spreading 200 wrong codes over 50 half-finished sign-ins of one account (4 submissions each, all at
/// once): no server error, no sign-in, the lockout takes hold, and not one failure is lost. The counter starts
/// again at 0 each time it locks the account, so "none lost" reads: the failures logged equal the threshold for
/// each lockout plus what the counter holds now, and every failure that reached the code check is logged.
/// </summary>
[Collection(nameof(RaceCollection))]
public sealed class WrongCodeFloodTests(RaceFixture provider)
{
    private const int Attempts = 200;
    private const int PerBrowser = Attempts / Racers.Parallel;

    private ProviderFactory Factory => provider.Factory;

    [Fact]
    public async Task TwoHundredParallelWrongCodes_LockTheAccount_EveryFailureCounted()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        var browsers = await Racers.PendingSignInsAsync(provider, user);
        try
        {
            var wrongCode = device.WrongTotp(Factory.Clock);

            var results = await Race.RunAsync(Attempts, index => browsers[index / PerBrowser].Page.SubmitCodeAsync(wrongCode));

            Racers.AssertNoServerError(results);
            Assert.Empty(Racers.Winners(results));
            // Each answer is a refusal: the OTP page again ("not correct"), or the password page once the account is locked.
            Assert.All(results, result => Assert.True(result.Is<TwoStepPage>() || result.Is<LoginPage>(), $"A wrong code ended on {result.Uri}."));
            var stillAsked = results.Count(result => result.Is<TwoStepPage>());

            var events = await Factory.SecurityEventsAsync(user.Id);
            var failures = events.Count(row => row.Kind == SecurityEventKinds.OtpFailed);
            var lockouts = events.Count(row => row.Kind == SecurityEventKinds.LockedOut);
            var stored = await Factory.ReadUserAsync(user.Id);
            Assert.True(lockouts >= 1, $"{Attempts} wrong codes did not lock the account ({failures} failures logged, counter {stored.AccessFailedCount}).");
            Assert.True(stored.LockoutEnd > Factory.Clock.GetUtcNow(), "The account is not locked now.");
            Assert.True(failures == lockouts * RaceFixture.LockoutThreshold + stored.AccessFailedCount,
                $"{failures} failures logged, but {lockouts} lockouts of {RaceFixture.LockoutThreshold} and a counter of {stored.AccessFailedCount}: a failure was lost or counted twice.");
            // Every submission answered "not correct" was counted; the others were refused as locked (counted or not).
            Assert.True(failures >= Math.Max(stillAsked, RaceFixture.LockoutThreshold), $"{failures} failures logged for {stillAsked} answers \"not correct\".");
            Assert.True(failures <= Attempts, $"{failures} failures logged for {Attempts} submissions.");

            // Locked: even the right password is refused now.
            using var fresh = provider.CreateClient();
            var login = await UserStories.SignInWithPasswordAsync(fresh, UserStories.WebRequest(), user).As<LoginPage>();
            Assert.Contains("locked", login.Alerts, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            browsers.ForEach(browser => browser.Dispose());
        }
    }
}
