using IdentityProvider.IntegrationTests.Passkeys;
using IdentityProvider.Passkeys;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>What the admin passkey tests share: a user given a passkey the way the account page adds one.</summary>
internal static class AdminPasskeySteps
{
    /// <summary>
    /// Adds a passkey to the user through <see cref="PasskeyCeremonies"/> (the software authenticator answering for the
    /// issuer's origin); its credential id as the provider lists it.
    /// </summary>
    public static async Task<string> AddPasskeyAsync(ProviderFactory factory, string userId, string name = "Work laptop")
    {
        using var authenticator = new TestPasskey(PasskeyFixture.Origin);
        var ceremony = await factory.WithServiceAsync<PasskeyCeremonies, PasskeyCeremony?>(service => service.BeginAddingAsync(userId));
        Assert.NotNull(ceremony);
        var added = await factory.WithServiceAsync<PasskeyCeremonies, PasskeyAdding>(service =>
            service.FinishAddingAsync(userId, ceremony.State, authenticator.Create(ceremony.OptionsJson), name));
        Assert.True(added.Succeeded, added.Refusal.ToString());
        return authenticator.Id;
    }

    /// <summary>A new user (with <paramref name="role"/>) whose only second step is a passkey; the user and its id.</summary>
    public static async Task<(TestUser User, string PasskeyId)> PasskeyOnlyUserAsync(ProviderFactory factory, string? role = null)
    {
        var user = await UserStories.CreateUserAsync(factory, role);
        return (user, await AddPasskeyAsync(factory, user.Id));
    }
}
