using IdentityProvider.IntegrationTests.Passkeys;
using IdentityProvider.Testing;
using IdentityProvider.Testing.Stories;

namespace IdentityProvider.IntegrationTests.Admin;

/// <summary>What the admin passkey tests share: a user given a passkey the way the account page adds one.</summary>
internal static class AdminPasskeySteps
{
    /// <summary>Adds a passkey to the user (<see cref="PasskeyStories.AddPasskeyAsync"/>); its credential id as the provider lists it.</summary>
    public static async Task<string> AddPasskeyAsync(ProviderFactory factory, string userId, string name = "Work laptop")
    {
        using var authenticator = await PasskeyStories.AddPasskeyAsync(factory, userId, PasskeyFixture.Origin, name);
        return authenticator.Id;
    }

    /// <summary>A new user (with <paramref name="role"/>) whose only second step is a passkey; the user and its id.</summary>
    public static async Task<(TestUser User, string PasskeyId)> PasskeyOnlyUserAsync(ProviderFactory factory, string? role = null)
    {
        var user = await UserStories.CreateUserAsync(factory, role);
        return (user, await AddPasskeyAsync(factory, user.Id));
    }
}
