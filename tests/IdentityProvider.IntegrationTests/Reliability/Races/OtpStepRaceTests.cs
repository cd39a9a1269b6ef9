using IdentityProvider.Auditing;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Reliability.Races;

/// <summary>
/// One code of each kind the second step takes, submitted by 50 half-finished sign-ins of one user at once (a code
/// seen over a shoulder and replayed from many machines): exactly one sign-in completes, and its code is exchanged
/// for tokens; the 49 others are told the code is not correct, each counted as a failure in the security log;
/// nobody gets a server error, and the database shows the code spent once.
/// </summary>
[Collection(nameof(RaceCollection))]
public sealed class OtpStepRaceTests(RaceFixture provider)
{
    private ProviderFactory Factory => provider.Factory;

    [Fact]
    public async Task FiftyParallelSubmissionsOfOneTotpCode_ExactlyOneSignIn()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolTotpAsync(Factory, user.Id);
        var browsers = await Racers.PendingSignInsAsync(provider, user);
        try
        {
            Factory.Clock.Advance(UserStories.Step);
            var code = device.TotpNow(Factory.Clock);

            var results = await Race.RunAsync(Racers.Parallel, index => browsers[index].Page.SubmitCodeAsync(code));

            await AssertOneSignInAsync(browsers, results, user, SecurityEventKinds.OtpFailed);
            var stored = await Factory.ReadDeviceAsync(device.Id);
            Assert.Equal(Factory.Clock.GetUtcNow().ToUnixTimeSeconds() / device.Parameters.PeriodSeconds, stored.LastAcceptedStep);
        }
        finally
        {
            browsers.ForEach(browser => browser.Dispose());
        }
    }

    [Fact]
    public async Task FiftyParallelSubmissionsOfOneHotpCode_ExactlyOneSignIn()
    {
        var user = await UserStories.CreateUserAsync(Factory);
        var device = await UserStories.EnrolHotpAsync(Factory, user.Id);
        var browsers = await Racers.PendingSignInsAsync(provider, user);
        try
        {
            var code = device.HotpAt(2);

            var results = await Race.RunAsync(Racers.Parallel, index => browsers[index].Page.SubmitCodeAsync(code));

            await AssertOneSignInAsync(browsers, results, user, SecurityEventKinds.OtpFailed);
            Assert.Equal(3, (await Factory.ReadDeviceAsync(device.Id)).NextCounter);
        }
        finally
        {
            browsers.ForEach(browser => browser.Dispose());
        }
    }

    [Fact]
    public async Task FiftyParallelSubmissionsOfOneRecoveryCode_ExactlyOneSignIn()
    {
        var (user, _, codes) = await UserStories.UserWithRecoveryCodesAsync(Factory);
        var browsers = await Racers.PendingSignInsAsync(provider, user);
        try
        {
            var forms = new List<RecoveryCodePage>();
            foreach (var browser in browsers)
            {
                forms.Add(await browser.Page.UseRecoveryCodeAsync());
            }

            var results = await Race.RunAsync(Racers.Parallel, index => forms[index].SubmitCodeAsync(codes[3]));

            await AssertOneSignInAsync(browsers, results, user, SecurityEventKinds.RecoveryCodeFailed);
            Assert.All(results.Where(result => result.ExternalRedirect is null),
                result => Assert.Contains(RecoveryCodePage.NotValid, result.As<RecoveryCodePage>().Alerts));
            var stored = await Factory.ReadRecoveryCodesAsync(user.Id);
            Assert.Single(stored, row => row.SpentAt is not null);
            Assert.Single(await Factory.SecurityEventsAsync(user.Id), row => row.Kind == SecurityEventKinds.RecoveryCodeUsed);
        }
        finally
        {
            browsers.ForEach(browser => browser.Dispose());
        }
    }

    /// <summary>One winner whose code buys tokens; 49 losers refused on the step's page; one success and 49 failures logged.</summary>
    private async Task AssertOneSignInAsync(List<RacingBrowser> browsers, ProviderPage[] results, TestUser user, string failureKind)
    {
        Racers.AssertNoServerError(results);
        var winners = Racers.Winners(results);
        Assert.True(winners.Count == 1, $"{winners.Count} of {Racers.Parallel} parallel submissions of one code signed in.");
        Assert.All(results.Where(result => result.ExternalRedirect is null), result => Assert.True(
            result.Is<TwoStepPage>() || result.Is<RecoveryCodePage>(), $"A losing submission ended on {result.Uri} ({(int)result.Status})."));

        var winner = winners[0];
        var tokens = await UserStories.ExchangeCodeAsync(browsers[winner].Client, browsers[winner].Request, results[winner]);
        Assert.Equal(["pwd", "otp", "mfa"], tokens.Amr);

        var events = await Factory.SecurityEventsAsync(user.Id);
        Assert.Single(events, row => row.Kind == SecurityEventKinds.SignInSucceeded);
        Assert.Equal(Racers.Parallel - 1, events.Count(row => row.Kind == failureKind));
        Assert.DoesNotContain(events, row => row.Kind == SecurityEventKinds.LockedOut);
    }
}
