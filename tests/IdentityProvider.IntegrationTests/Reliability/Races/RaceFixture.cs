using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Reliability.Races;

/// <summary>
/// One provider for every race: the lockout allows 100 failures (the most the settings allow), so the 49 losers of
/// a 50-way race do not lock their user before the winner has used what it won, and a public client may exchange
/// personal access tokens (so "Create token" offers the <c>api</c> scope).
/// </summary>
public sealed class RaceFixture : ProviderFixture
{
    /// <summary>The failures that lock an account, for passwords and codes alike.</summary>
    public const int LockoutThreshold = 100;

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(TestData.TokenClient(3, "cli", "Scripts", "api"))
        {
            ["Lockout:MaxFailedAttempts"] = $"{LockoutThreshold}",
            ["TwoStep:MaxFailedAttempts"] = $"{LockoutThreshold}",
            ["Tokens:AllowSignInByToken"] = "true",
        };
}

/// <summary>
/// The race classes share one provider and run one after another: each race alone puts 50 to 200 requests on the
/// provider at once, and that is the load each one is about.
/// </summary>
[CollectionDefinition(nameof(RaceCollection))]
public sealed class RaceCollection : ICollectionFixture<RaceFixture>;

/// <summary>What every race needs: browsers past the password, and the check that nobody got a server error.</summary>
internal static class Racers
{
    /// <summary>The number of parallel submissions of one secret.</summary>
    public const int Parallel = 50;

    /// <summary>
    /// <paramref name="count"/> browsers, each past the password of <paramref name="user"/> and on the OTP page of
    /// its own half-finished sign-in at the web client (a few at a time: the password hash is the slow part).
    /// </summary>
    public static async Task<List<RacingBrowser>> PendingSignInsAsync(ProviderFixture provider, TestUser user, int count = Parallel)
    {
        var pending = new RacingBrowser[count];
        using var slots = new SemaphoreSlim(4);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async index =>
        {
            await slots.WaitAsync();
            try
            {
                var client = provider.CreateClient();
                var request = UserStories.WebRequest();
                pending[index] = new RacingBrowser(client, request, await UserStories.PasswordToOtpPageAsync(client, request, user));
            }
            finally
            {
                slots.Release();
            }
        }));
        return [.. pending];
    }

    public static void AssertNoServerError(IEnumerable<ProviderPage> results) =>
        AssertNoServerError(results.Select(result => ((int)result.Status, result.Uri.AbsolutePath)));

    public static void AssertNoServerError(IEnumerable<(int Status, string Where)> results)
    {
        var failures = results.Where(result => result.Status >= 500).Select(result => $"{result.Where} answered {result.Status}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} parallel submissions failed with a server error: {string.Join("; ", failures.Take(5))}");
    }

    /// <summary>The indexes of the submissions that reached the relying party with a code.</summary>
    public static List<int> Winners(IReadOnlyList<ProviderPage> results) =>
        [.. Enumerable.Range(0, results.Count).Where(index => results[index].ExternalRedirect is not null && results[index].RedirectQuery.ContainsKey("code"))];
}

/// <summary>A browser on the OTP page of its half-finished sign-in at <paramref name="Request"/>.</summary>
internal sealed record RacingBrowser(ProviderClient Client, AuthorizationRequest Request, TwoStepPage Page) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
