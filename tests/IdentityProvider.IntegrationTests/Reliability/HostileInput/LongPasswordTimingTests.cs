using System.Diagnostics;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Reliability.HostileInput;

/// <summary>
/// A 100,000-character password costs no more than a wrong one of normal length (the form refuses it before any
/// hashing; PBKDF2 would pre-hash it anyway): no cheap way to make the provider burn CPU.
/// </summary>
[Collection(HostileInputCollection.Name)]
public sealed class LongPasswordTimingTests(HostileInputFixture provider)
{
    private const int Rounds = 5;

    [Fact]
    public async Task SignIn_HundredThousandCharacterPassword_CostsNoMoreThanAWrongPassword()
    {
        var normal = new List<double>();
        var longOnes = new List<double>();
        using var browser = provider.CreateClient();
        await TimeAsync(browser, "warm-up-password"); // JIT and connection warm-up, not counted

        for (var round = 0; round < Rounds; round++)
        {
            normal.Add(await TimeAsync(browser, "wrong-password-" + round));
            longOnes.Add(await TimeAsync(browser, new string('p', 100_000)));
        }

        var (normalMedian, longMedian) = (Median(normal), Median(longOnes));
        Assert.True(longMedian <= 2 * normalMedian + 25,
            $"A 100,000-character password took {longMedian:F1} ms (median of {Rounds}), a wrong password {normalMedian:F1} ms.");
    }

    private async Task<double> TimeAsync(Testing.ProviderClient browser, string password)
    {
        await provider.ForgetFailuresAsync();
        var login = await LoginPage.OpenAsync(browser);
        var watch = Stopwatch.StartNew();
        var answer = await login.SignInAsync(provider.Victim.Email, password);
        watch.Stop();
        Assert.True(answer.Is<LoginPage>() && HostileAnswers.IsClearRefusal(answer), $"({(int)answer.Status}) {answer.Uri}");
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
