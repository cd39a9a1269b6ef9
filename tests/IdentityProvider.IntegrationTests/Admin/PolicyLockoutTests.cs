using IdentityProvider.Admin.Policy;
using IdentityProvider.Localization;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Pages;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>A provider of its own: the test changes the policy.</summary>
public sealed class PolicyLockoutFixture : ProviderFixture;

/// <summary>The stored policy's lockout threshold and duration govern the password step (not only the configuration).</summary>
public class PolicyLockoutTests(PolicyLockoutFixture provider) : IClassFixture<PolicyLockoutFixture>
{
    [Fact]
    public async Task PasswordStep_PolicyThresholdTwoAndFiveMinutes_LocksAfterTwoFailures_ForFiveMinutes()
    {
        var result = await provider.Factory.WithServiceAsync<PolicyAdministration, ChangeResult>(
            administration => administration.SaveAsync(administration.Current with { LockoutThreshold = 2, LockoutMinutes = 5 }, null, "test"));
        Assert.Equal(ChangeOutcome.Done, result.Outcome);
        var user = await UserStories.CreateUserAsync(provider.Factory);
        using var client = provider.CreateClient();

        for (var attempt = 0; attempt < 2; attempt++)
        {
            (await UserStories.SignInWithPasswordAsync(client, user.Email, "not-the-password")).As<LoginPage>();
        }

        var locked = await provider.Factory.ReadUserAsync(user.Id);
        Assert.True(locked.LockoutEnd > provider.Factory.Clock.GetUtcNow(), "Two failures did not lock under a threshold of two.");
        Assert.True(locked.LockoutEnd <= provider.Factory.Clock.GetUtcNow().AddMinutes(5), "The lockout lasts longer than the policy's five minutes.");
        (await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password)).As<LoginPage>();

        provider.Factory.Clock.Advance(TimeSpan.FromMinutes(6));
        (await UserStories.SignInWithPasswordAsync(client, user.Email, user.Password)).As<ManagePage>();
    }
}
