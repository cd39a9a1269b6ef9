using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Users;

/// <summary>A provider of its own: these tests lock accounts, which must not disturb other classes.</summary>
public sealed class LockoutFixture : ProviderFixture;

/// <summary>
/// Identity's lockout at the password step: 5 failures lock for 15 minutes, and the page answers every failure
/// with one message (unknown e-mail, wrong password, locked account), so it reveals neither accounts nor lockouts.
/// </summary>
public class LockoutTests(LockoutFixture provider) : IClassFixture<LockoutFixture>
{
    private const string WrongPassword = "not-the-right-password";

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksAccountUntilDurationPasses()
    {
        using var client = provider.CreateClient();

        var first = await UserStories.SignInWithPasswordAsync(client, "bob@example.com", WrongPassword).As<LoginPage>();
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            var failed = await UserStories.SignInWithPasswordAsync(client, "bob@example.com", WrongPassword).As<LoginPage>();
            Assert.Equal(first.Alerts, failed.Alerts);
        }

        // The right password is refused while the lockout lasts, with the very same message.
        var rightWhileLocked = await UserStories.SignInWithPasswordAsync(client, "bob@example.com", TestData.BobPassword).As<LoginPage>();
        Assert.Equal(first.Alerts, rightWhileLocked.Alerts);
        await ManagePage.OpenAsync(client).As<LoginPage>();

        // Default duration 15 minutes: one minute later than that, the right password works again.
        provider.Factory.Clock.Advance(TimeSpan.FromMinutes(16));
        var afterLockout = await UserStories.SignInWithPasswordAsync(client, "bob@example.com", TestData.BobPassword).As<ManagePage>();
        Assert.Contains("bob@example.com", afterLockout.Text);
    }

    [Fact]
    public async Task SignIn_UnknownEmailSevenTimes_SameMessageAsWrongPasswordAndAsALockedAccount()
    {
        using var client = provider.CreateClient();
        // What an existing account answers to a wrong password (one failure locks nothing).
        var known = await UserStories.SignInWithPasswordAsync(client, "alice@example.com", WrongPassword).As<LoginPage>();
        var genericMessage = known.Alerts;
        Assert.NotEmpty(genericMessage);

        for (var attempt = 1; attempt <= 7; attempt++)
        {
            var page = await UserStories.SignInWithPasswordAsync(client, "nobody-here@example.com", WrongPassword).As<LoginPage>();
            Assert.Equal(genericMessage, page.Alerts);
        }
    }

    [Fact]
    public async Task SignIn_LockedAccount_TakesAsLongAsAnUnknownOne()
    {
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var client = provider.CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await UserStories.SignInWithPasswordAsync(client, user.Email, WrongPassword);
        }

        // Warning: before the fix a locked account answered in ~3 ms (no hash) and an unknown one in ~80 ms.
        var locked = await MedianMillisecondsAsync(() => UserStories.SignInWithPasswordAsync(client, user.Email, WrongPassword));
        var unknown = await MedianMillisecondsAsync(() => UserStories.SignInWithPasswordAsync(client, "nobody-at-all@example.com", WrongPassword));

        Assert.True(locked > unknown / 3, $"A locked account answers in {locked} ms, an unknown one in {unknown} ms.");
    }

    private static async Task<double> MedianMillisecondsAsync(Func<Task<ProviderPage>> signIn)
    {
        var times = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            (await signIn()).As<LoginPage>();
            times.Add(started.Elapsed.TotalMilliseconds);
        }

        return times.Order().ElementAt(times.Count / 2);
    }
}
