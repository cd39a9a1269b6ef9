using IdentityProvider.Testing;

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
            var failed = await AccountSteps.SignInAsync(client, "bob@example.com", WrongPassword);
            Assert.Equal(AccountSteps.LoginPath, failed.Uri.AbsolutePath);
            Assert.DoesNotContain("locked", AccountSteps.AlertText(failed), StringComparison.OrdinalIgnoreCase);
        }

        var fifth = await AccountSteps.SignInAsync(client, "bob@example.com", WrongPassword);
        Assert.Contains("locked", AccountSteps.AlertText(fifth), StringComparison.OrdinalIgnoreCase);

        // The right password is refused while the lockout lasts, with the same locked message.
        var rightWhileLocked = await AccountSteps.SignInAsync(client, "bob@example.com", TestData.BobPassword);
        Assert.Equal(AccountSteps.LoginPath, rightWhileLocked.Uri.AbsolutePath);
        Assert.Contains("locked", AccountSteps.AlertText(rightWhileLocked), StringComparison.OrdinalIgnoreCase);
        var manage = await client.GetAsync(AccountSteps.ManagePath);
        Assert.Equal(AccountSteps.LoginPath, manage.Uri.AbsolutePath);

        // Default duration 15 minutes: one minute later than that, the right password works again.
        provider.Factory.Clock.Advance(TimeSpan.FromMinutes(16));
        var afterLockout = await AccountSteps.SignInAsync(client, "bob@example.com", TestData.BobPassword);
        Assert.True(afterLockout.Uri.AbsolutePath == AccountSteps.ManagePath,
            $"Expected to be signed in at {AccountSteps.ManagePath} 16 minutes later, but ended on {afterLockout.Uri} saying: {AccountSteps.AlertText(afterLockout)}");
        Assert.Contains("bob@example.com", afterLockout.Text);
    }

    [Fact]
    public async Task SignIn_UnknownEmailSevenTimes_NeverSaysLocked_SameMessageAsWrongPassword()
    {
        using var client = provider.CreateClient();
        // What an existing account answers to a wrong password (one failure locks nothing).
        var known = await AccountSteps.SignInAsync(client, "alice@example.com", WrongPassword);
        var genericMessage = AccountSteps.AlertText(known);
        Assert.NotEmpty(genericMessage);

        for (var attempt = 1; attempt <= 7; attempt++)
        {
            var page = await AccountSteps.SignInAsync(client, "nobody-here@example.com", WrongPassword);
            Assert.Equal(AccountSteps.LoginPath, page.Uri.AbsolutePath);
            var message = AccountSteps.AlertText(page);
            Assert.DoesNotContain("locked", message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(genericMessage, message);
        }
    }
}
