using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Accounts;

/// <summary>A provider of its own: these tests lock accounts, which must not disturb other classes.</summary>
public sealed class LockoutFixture : ProviderFixture;

/// <summary>Identity's lockout at the password step: 5 failures lock for 15 minutes, without revealing unknown e-mails.</summary>
public class LockoutTests(LockoutFixture provider) : IClassFixture<LockoutFixture>
{
    private const string WrongPassword = "not-the-right-password";

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksAccountUntilDurationPasses()
    {
        using var client = provider.CreateClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await UserStories.SignInWithPasswordAsync(client, "bob@example.com", WrongPassword).As<LoginPage>();
            Assert.DoesNotContain("locked", failed.Alerts, StringComparison.OrdinalIgnoreCase);
        }

        var fifth = await UserStories.SignInWithPasswordAsync(client, "bob@example.com", WrongPassword).As<LoginPage>();
        Assert.Contains("locked", fifth.Alerts, StringComparison.OrdinalIgnoreCase);

        // The right password is refused while the lockout lasts, with the same locked message.
        var rightWhileLocked = await UserStories.SignInWithPasswordAsync(client, "bob@example.com", TestData.BobPassword).As<LoginPage>();
        Assert.Contains("locked", rightWhileLocked.Alerts, StringComparison.OrdinalIgnoreCase);
        await ManagePage.OpenAsync(client).As<LoginPage>();

        // Default duration 15 minutes: one minute later than that, the right password works again.
        provider.Factory.Clock.Advance(TimeSpan.FromMinutes(16));
        var afterLockout = await UserStories.SignInWithPasswordAsync(client, "bob@example.com", TestData.BobPassword).As<ManagePage>();
        Assert.Contains("bob@example.com", afterLockout.Text);
    }

    [Fact]
    public async Task SignIn_UnknownEmailSevenTimes_NeverSaysLocked_SameMessageAsWrongPassword()
    {
        using var client = provider.CreateClient();
        // What an existing account answers to a wrong password (one failure locks nothing).
        var known = await UserStories.SignInWithPasswordAsync(client, "alice@example.com", WrongPassword).As<LoginPage>();
        var genericMessage = known.Alerts;
        Assert.NotEmpty(genericMessage);

        for (var attempt = 1; attempt <= 7; attempt++)
        {
            var page = await UserStories.SignInWithPasswordAsync(client, "nobody-here@example.com", WrongPassword).As<LoginPage>();
            var message = page.Alerts;
            Assert.DoesNotContain("locked", message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(genericMessage, message);
        }
    }
}
